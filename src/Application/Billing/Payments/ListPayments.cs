using ClinicHip.Application.Common.ChangeFeeds;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Payments;

/// <summary>
/// Lists the payments the caller may see, newest first; with updatedSince or cursor a change feed of them (refunds move a
/// payment's change time), oldest change first (docs/decisions/0031).
/// </summary>
/// <param name="PatientId">Only this patient's.</param>
/// <param name="Method">Only this method.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
/// <param name="UpdatedSince">A change feed from this instant.</param>
/// <param name="Cursor">A change feed's nextCursor.</param>
public sealed record ListPaymentsQuery(
    Guid? PatientId, PaymentMethod? Method, int Page = 1, int PageSize = PagedList.DefaultPageSize, DateTimeOffset? UpdatedSince = null, string? Cursor = null)
    : IRequest<PagedList<PaymentDto>>;

public sealed class ListPaymentsValidator : AbstractValidator<ListPaymentsQuery>
{
    public ListPaymentsValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList.MaxPageSize);
        RuleFor(q => q.Method).IsInEnum();
        RuleFor(q => q.UpdatedSince).WithinSupportedDates(bounds);
    }
}

public sealed class ListPaymentsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ChangeFeedOptions> changeFeedOptions)
    : IRequestHandler<ListPaymentsQuery, PagedList<PaymentDto>>
{
    public const string ChangeFeedName = "payments";

    public async Task<PagedList<PaymentDto>> Handle(ListPaymentsQuery request, CancellationToken cancellationToken)
    {
        var feed = ChangeFeed.For(ChangeFeedName, request.Cursor, request.UpdatedSince, request.Page, [request.PatientId, request.Method], clock, changeFeedOptions.Value);
        var query = db.Payments.AsNoTracking().VisibleTo(user);
        if (request.PatientId is { } patient)
        {
            var patientId = new PatientId(patient);
            query = query.Where(p => p.PatientId == patientId);
        }

        if (request.Method is { } method)
        {
            query = query.Where(p => p.Method == method);
        }

        if (feed is null)
        {
            var page = await PagedList.CreateAsync(query.OrderByDescending(p => p.Id), request.Page, request.PageSize, cancellationToken);
            return new PagedList<PaymentDto>([.. page.Items.Select(PaymentDto.From)], page.Page, page.PageSize, page.TotalCount);
        }

        var at = feed.Position.ChangedAtUtc;
        var horizon = feed.HorizonUtc;
        if (feed.Position.AfterId is { } after)
        {
            var afterId = new PaymentId(after);
            query = query.Where(p => p.ChangedAtUtc > at || (p.ChangedAtUtc == at && p.Id > afterId));
        }
        else
        {
            query = query.Where(p => p.ChangedAtUtc >= at);
        }

        var changes = await feed.PageAsync(
            query.Where(p => p.ChangedAtUtc < horizon).OrderBy(p => p.ChangedAtUtc).ThenBy(p => p.Id), request.Page, request.PageSize, cancellationToken);
        var last = changes.Items.Count == 0 ? ((DateTime, Guid)?)null : (changes.Items[^1].ChangedAtUtc, changes.Items[^1].Id.Value);
        return new PagedList<PaymentDto>(
            [.. changes.Items.Select(PaymentDto.From)], changes.Page, changes.PageSize, changes.TotalCount, feed.NextCursor(changes.PageSize, changes.Items.Count, last));
    }
}
