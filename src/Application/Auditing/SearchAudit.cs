using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Auditing;

/// <summary>An audit record as administrators read it.</summary>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="UserId">Who, when a user.</param>
/// <param name="ClientId">Which integration client, when a client.</param>
/// <param name="Roles">Their roles then.</param>
/// <param name="Action">The operation.</param>
/// <param name="ResourceType">What kind of record.</param>
/// <param name="ResourceId">Which record, where known.</param>
/// <param name="PatientId">Whose record.</param>
/// <param name="Outcome">Success, NotFound, Denied, Rejected or Failed.</param>
/// <param name="StatusCode">The HTTP status answered.</param>
/// <param name="TraceId">The request's trace id.</param>
/// <param name="ClientAddress">The client's address.</param>
/// <param name="RowsShown">A patient search: how many rows it showed.</param>
/// <param name="QueryKind">A patient search: the filters it used, by name (never their values).</param>
/// <param name="ShownPatientIds">A patient search: the patients it showed.</param>
public sealed record AuditRecordDto(
    DateTimeOffset OccurredAt, Guid? UserId, Guid? ClientId, string Roles, string Action, string ResourceType, string? ResourceId, Guid? PatientId, string Outcome,
    int StatusCode, string? TraceId, string? ClientAddress, int? RowsShown, string? QueryKind, IReadOnlyList<Guid>? ShownPatientIds);

/// <summary>The audit trail, newest first, filtered by patient, user, integration client and time.</summary>
public sealed record SearchAuditQuery(
    Guid? PatientId, Guid? UserId, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = PagedList.DefaultPageSize, Guid? ClientId = null)
    : IRequest<PagedList<AuditRecordDto>>;

public sealed class SearchAuditValidator : AbstractValidator<SearchAuditQuery>
{
    public SearchAuditValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.From).WithinSupportedDates(bounds);
        RuleFor(q => q.To).WithinSupportedDates(bounds);
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class SearchAuditHandler(IApplicationDbContext db) : IRequestHandler<SearchAuditQuery, PagedList<AuditRecordDto>>
{
    public async Task<PagedList<AuditRecordDto>> Handle(SearchAuditQuery request, CancellationToken cancellationToken)
    {
        var records = db.AuditRecords.AsNoTracking();
        if (request.PatientId is { } patient)
        {
            records = records.Where(r => r.PatientId == patient);
        }

        if (request.UserId is { } user)
        {
            records = records.Where(r => r.UserId == user);
        }

        if (request.ClientId is { } client)
        {
            records = records.Where(r => r.ClientId == client);
        }

        if (request.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            records = records.Where(r => r.OccurredAtUtc >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            records = records.Where(r => r.OccurredAtUtc < toUtc);
        }

        var page = await PagedList.CreateAsync(records.OrderByDescending(r => r.Id), request.Page, request.PageSize, cancellationToken);
        return new PagedList<AuditRecordDto>([.. page.Items.Select(r => new AuditRecordDto(
            new DateTimeOffset(r.OccurredAtUtc, TimeSpan.Zero), r.UserId, r.ClientId, r.Roles, r.Action, r.ResourceType, r.ResourceId, r.PatientId, r.Outcome, r.StatusCode,
            r.TraceId, r.ClientAddress, r.RowsShown, r.QueryKind,
            r.ShownPatientIds is null ? null : [.. r.ShownPatientIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)]))],
            page.Page, page.PageSize, page.TotalCount);
    }
}
