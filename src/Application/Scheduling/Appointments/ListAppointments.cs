using ClinicHip.Application.Common.ChangeFeeds;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>
/// Lists appointments by start time. A patient sees their own; a clinician their own diary, or a patient's
/// appointments when filtering by patient; the front desk and administrators everything. With updatedSince or cursor
/// it is a change feed of what the caller may see (docs/decisions/0031): oldest change first, cancelled and moved
/// appointments included with their status, with a cursor.
/// </summary>
/// <param name="From">Only appointments starting at or after this.</param>
/// <param name="To">Only appointments starting before this.</param>
/// <param name="ClinicianId">Only this clinician's.</param>
/// <param name="PatientId">Only this patient's.</param>
/// <param name="Status">Only this status.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">1 to 200, default 50.</param>
/// <param name="UpdatedSince">A change feed from this instant: appointments changed at or after it, oldest change first.</param>
/// <param name="Cursor">A change feed's nextCursor: continues just after the page it came with.</param>
public sealed record ListAppointmentsQuery(
    DateTimeOffset? From, DateTimeOffset? To, Guid? ClinicianId, Guid? PatientId, AppointmentStatus? Status, int Page = 1, int PageSize = PagedList.DefaultPageSize,
    DateTimeOffset? UpdatedSince = null, string? Cursor = null)
    : IRequest<PagedList<AppointmentDto>>;

public sealed class ListAppointmentsValidator : AbstractValidator<ListAppointmentsQuery>
{
    public ListAppointmentsValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.From).WithinSupportedDates(bounds);
        RuleFor(q => q.To).WithinSupportedDates(bounds);
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' must be after 'from'.");
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.UpdatedSince).WithinSupportedDates(bounds);
    }
}

public sealed class ListAppointmentsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<ChangeFeedOptions> changeFeedOptions)
    : IRequestHandler<ListAppointmentsQuery, PagedList<AppointmentDto>>
{
    public const string ChangeFeedName = "appointments";

    public async Task<PagedList<AppointmentDto>> Handle(ListAppointmentsQuery request, CancellationToken cancellationToken)
    {
        var feed = ChangeFeed.For(
            ChangeFeedName, request.Cursor, request.UpdatedSince, request.Page,
            [request.From, request.To, request.ClinicianId, request.PatientId, request.Status], clock, changeFeedOptions.Value);
        var query = db.Appointments.AsNoTracking().VisibleTo(user, request.PatientId, request.ClinicianId);
        if (request.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(a => a.StartUtc >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            query = query.Where(a => a.StartUtc < toUtc);
        }

        if (request.ClinicianId is { } clinician)
        {
            var clinicianId = new ClinicianId(clinician);
            query = query.Where(a => a.ClinicianId == clinicianId);
        }

        if (request.PatientId is { } patient)
        {
            var patientId = new PatientId(patient);
            query = query.Where(a => a.PatientId == patientId);
        }

        if (request.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (feed is null)
        {
            return await PagedList.CreateAsync(query.OrderBy(a => a.StartUtc).ToDtos(db), request.Page, request.PageSize, cancellationToken);
        }

        var page = await feed.PageAsync(InFeedOrder(query, feed).ToDtos(db), request.Page, request.PageSize, cancellationToken);
        var last = page.Items.Count == 0 ? ((DateTime, Guid)?)null : (page.Items[^1].UpdatedAt!.Value.UtcDateTime, page.Items[^1].Id);
        return page with { NextCursor = feed.NextCursor(page.PageSize, page.Items.Count, last) };
    }

    /// <summary>The settled changes after the feed's position, in the keyset order the (ChangedAtUtc, Id) index serves.</summary>
    private static IQueryable<Appointment> InFeedOrder(IQueryable<Appointment> appointments, ChangeFeed feed)
    {
        var at = feed.Position.ChangedAtUtc;
        var horizon = feed.HorizonUtc;
        if (feed.Position.AfterId is { } after)
        {
            var afterId = new AppointmentId(after);
            appointments = appointments.Where(a => a.ChangedAtUtc > at || (a.ChangedAtUtc == at && a.Id > afterId));
        }
        else
        {
            appointments = appointments.Where(a => a.ChangedAtUtc >= at);
        }

        return appointments.Where(a => a.ChangedAtUtc < horizon).OrderBy(a => a.ChangedAtUtc).ThenBy(a => a.Id);
    }
}
