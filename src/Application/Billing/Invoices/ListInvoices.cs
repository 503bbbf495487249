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

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>
/// Lists the invoices the caller may see, newest first; with updatedSince or cursor a change feed of them, oldest change
/// first (docs/decisions/0031).
/// </summary>
/// <param name="PatientId">Only this patient's.</param>
/// <param name="Status">Only this status.</param>
/// <param name="IssuedFrom">Only those dated on or after this day.</param>
/// <param name="IssuedTo">Only those dated on or before this day.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
/// <param name="UpdatedSince">A change feed from this instant.</param>
/// <param name="Cursor">A change feed's nextCursor.</param>
public sealed record ListInvoicesQuery(
    Guid? PatientId, InvoiceStatus? Status, DateOnly? IssuedFrom, DateOnly? IssuedTo, int Page = 1, int PageSize = PagedList.DefaultPageSize,
    DateTimeOffset? UpdatedSince = null, string? Cursor = null) : IRequest<PagedList<InvoiceDto>>;

public sealed class ListInvoicesValidator : AbstractValidator<ListInvoicesQuery>
{
    public ListInvoicesValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList.MaxPageSize);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.IssuedFrom!.Value).WithinSupportedDates(bounds).When(q => q.IssuedFrom is not null);
        RuleFor(q => q.IssuedTo!.Value).WithinSupportedDates(bounds).When(q => q.IssuedTo is not null);
        RuleFor(q => q.IssuedTo).GreaterThanOrEqualTo(q => q.IssuedFrom).When(q => q.IssuedFrom is not null && q.IssuedTo is not null)
            .WithMessage("'issuedTo' must not be before 'issuedFrom'.");
        RuleFor(q => q.UpdatedSince).WithinSupportedDates(bounds);
    }
}

public sealed class ListInvoicesHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ChangeFeedOptions> changeFeedOptions)
    : IRequestHandler<ListInvoicesQuery, PagedList<InvoiceDto>>
{
    public const string ChangeFeedName = "invoices";

    public async Task<PagedList<InvoiceDto>> Handle(ListInvoicesQuery request, CancellationToken cancellationToken)
    {
        var feed = ChangeFeed.For(
            ChangeFeedName, request.Cursor, request.UpdatedSince, request.Page, [request.PatientId, request.Status, request.IssuedFrom, request.IssuedTo],
            clock, changeFeedOptions.Value);
        var query = db.Invoices.AsNoTracking().VisibleTo(user);
        if (request.PatientId is { } patient)
        {
            var patientId = new PatientId(patient);
            query = query.Where(i => i.PatientId == patientId);
        }

        if (request.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (request.IssuedFrom is { } from)
        {
            query = query.Where(i => i.IssuedOn >= from);
        }

        if (request.IssuedTo is { } to)
        {
            query = query.Where(i => i.IssuedOn <= to);
        }

        if (feed is null)
        {
            var page = await PagedList.CreateAsync(query.OrderByDescending(i => i.Id), request.Page, request.PageSize, cancellationToken);
            return new PagedList<InvoiceDto>([.. page.Items.Select(InvoiceDto.From)], page.Page, page.PageSize, page.TotalCount);
        }

        var changes = await feed.PageAsync(InFeedOrder(query, feed), request.Page, request.PageSize, cancellationToken);
        var last = changes.Items.Count == 0 ? ((DateTime, Guid)?)null : (changes.Items[^1].ChangedAtUtc, changes.Items[^1].Id.Value);
        return new PagedList<InvoiceDto>(
            [.. changes.Items.Select(InvoiceDto.From)], changes.Page, changes.PageSize, changes.TotalCount, feed.NextCursor(changes.PageSize, changes.Items.Count, last));
    }

    private static IQueryable<Invoice> InFeedOrder(IQueryable<Invoice> invoices, ChangeFeed feed)
    {
        var at = feed.Position.ChangedAtUtc;
        var horizon = feed.HorizonUtc;
        if (feed.Position.AfterId is { } after)
        {
            var afterId = new InvoiceId(after);
            invoices = invoices.Where(i => i.ChangedAtUtc > at || (i.ChangedAtUtc == at && i.Id > afterId));
        }
        else
        {
            invoices = invoices.Where(i => i.ChangedAtUtc >= at);
        }

        return invoices.Where(i => i.ChangedAtUtc < horizon).OrderBy(i => i.ChangedAtUtc).ThenBy(i => i.Id);
    }
}
