using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.CalendarFeed;

/// <summary>A clinician's diary as a calendar subscription sees it: no clinical data, and patients by initials only.</summary>
/// <param name="ClinicianId">Whose diary.</param>
/// <param name="ClinicianName">Their display name, for the calendar's name.</param>
/// <param name="Events">The appointments in the feed's window, by start.</param>
public sealed record ClinicianCalendar(Guid ClinicianId, string ClinicianName, IReadOnlyList<CalendarEvent> Events);

/// <summary>One appointment in a calendar feed.</summary>
/// <param name="AppointmentId">Its id; the event's UID is built from it, so it stays the same however often it moves.</param>
/// <param name="PatientId">Whose appointment (for the audit trail; never written into the feed).</param>
/// <param name="PatientInitials">The patient's initials.</param>
/// <param name="AppointmentType">The appointment type's name.</param>
/// <param name="Mode">In person or telehealth.</param>
/// <param name="Status">Its status.</param>
/// <param name="StartUtc">Start (UTC).</param>
/// <param name="EndUtc">End (UTC).</param>
/// <param name="LastModifiedUtc">When it was booked or last changed (UTC).</param>
/// <param name="Location">Where an in-person appointment happens: the location's name and address; null for telehealth.</param>
public sealed record CalendarEvent(
    Guid AppointmentId, Guid PatientId, string PatientInitials, string AppointmentType, AppointmentMode Mode, AppointmentStatus Status,
    DateTime StartUtc, DateTime EndUtc, DateTime LastModifiedUtc, string? Location = null);

/// <summary>
/// The calendar feed of a clinician, for whoever holds its token: appointments from 30 days back to 90 days ahead.
/// A wrong or withdrawn token answers exactly as a clinician without a feed: not found.
/// </summary>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="Token">The feed token from the feed's address.</param>
/// <param name="LocationId">Only in-person appointments at this location (e.g. one calendar per clinic room).</param>
public sealed record GetClinicianCalendarQuery(Guid ClinicianId, string? Token, Guid? LocationId = null) : IRequest<ClinicianCalendar>
{
    public static readonly TimeSpan PastWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan FutureWindow = TimeSpan.FromDays(90);
}

public sealed class GetClinicianCalendarHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetClinicianCalendarQuery, ClinicianCalendar>
{
    public async Task<ClinicianCalendar> Handle(GetClinicianCalendarQuery request, CancellationToken cancellationToken)
    {
        var clinicianId = new ClinicianId(request.ClinicianId);
        var clinician = await db.Clinicians.AsNoTracking().Where(c => c.Id == clinicianId)
            .Select(c => new { c.DisplayName, c.CalendarFeedTokenHash }).SingleOrDefaultAsync(cancellationToken);
        if (!OpaqueSecrets.Matches(request.Token, clinician?.CalendarFeedTokenHash) || clinician is null)
        {
            throw new NotFoundException("Calendar feed", request.ClinicianId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = now - GetClinicianCalendarQuery.PastWindow;
        var to = now + GetClinicianCalendarQuery.FutureWindow;
        var onlyAt = request.LocationId is { } wanted ? new LocationId(wanted) : (LocationId?)null;
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && a.StartUtc >= from && a.StartUtc < to && (onlyAt == null || a.LocationId == onlyAt))
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { Appointment = a, p.Name })
            .Join(db.AppointmentTypes, x => x.Appointment.AppointmentTypeId, t => t.Id, (x, t) => new
            {
                x.Appointment.Id, x.Appointment.PatientId, x.Name, Type = t.Name, x.Appointment.Mode, x.Appointment.Status,
                x.Appointment.StartUtc, x.Appointment.EndUtc, x.Appointment.CreatedAtUtc, x.Appointment.ModifiedAtUtc, x.Appointment.LocationId,
            })
            .OrderBy(x => x.StartUtc)
            .ToListAsync(cancellationToken);
        var places = await db.Locations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => string.IsNullOrEmpty(l.Address) ? l.Name : $"{l.Name}, {l.Address}", cancellationToken);

        return new ClinicianCalendar(request.ClinicianId, clinician.DisplayName, [.. rows.Select(r => new CalendarEvent(
            r.Id.Value, r.PatientId.Value, r.Name.Initials, r.Type, r.Mode, r.Status, r.StartUtc, r.EndUtc, r.ModifiedAtUtc ?? r.CreatedAtUtc,
            r.LocationId is { } at ? places.GetValueOrDefault(at) : null))]);
    }
}
