using ClinicHip.Application.Billing;
using ClinicHip.Application.Billing.Accounts;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Diary;

/// <summary>A span of a clinician's day.</summary>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="LocationId">Where: for working time and free gaps, the location the clinician works at; none for time off.</param>
public sealed record DiaryIntervalDto(DateTimeOffset Start, DateTimeOffset End, Guid? LocationId = null)
{
    public static DiaryIntervalDto From(TimeSpanUtc span) => new(new DateTimeOffset(span.Start, TimeSpan.Zero), new DateTimeOffset(span.End, TimeSpan.Zero));

    public static DiaryIntervalDto At(TimeSpanUtc span, LocationId location) => From(span) with { LocationId = location.Value };
}

/// <summary>An appointment on the day sheet: who, what, how and where it stands. Nothing clinical.</summary>
/// <param name="Id">The appointment.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="PatientName">The patient's name.</param>
/// <param name="AppointmentType">The type's name.</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="Status">Booked, CheckedIn, InProgress, Completed, Cancelled or NoShow.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="CheckedInAt">When the patient checked in.</param>
/// <param name="Alerts">The patient's alerts.</param>
/// <param name="Channel">How it was booked: Online, FrontDesk or Integration.</param>
/// <param name="BookingNote">The staff's booking note.</param>
/// <param name="LocationId">Where an in-person appointment happens; null for telehealth.</param>
/// <param name="Attendance">The patient's no-shows and late cancellations in the last 12 months.</param>
/// <param name="Packs">
/// The patient's prepaid packs still usable on the day (sessions left, expiry), and any this visit drew from; shown to the
/// front desk and administrators, who take payment (an empty list for clinicians, as their accounts are).
/// </param>
public sealed record DiaryAppointmentDto(
    Guid Id, Guid PatientId, string PatientName, string AppointmentType, AppointmentMode Mode, AppointmentStatus Status, DateTimeOffset Start,
    DateTimeOffset End, DateTimeOffset? CheckedInAt, MedicalAlertsDto Alerts, BookingChannel? Channel, string? BookingNote, Guid? LocationId,
    PatientAttendanceDto Attendance, IReadOnlyList<PrepaidPackDto> Packs);

/// <summary>One clinician's clinic-local day.</summary>
/// <param name="Date">The clinic-local date.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="ClinicianName">Their display name.</param>
/// <param name="Working">Working intervals from the weekly template, each at its location (on its clock, daylight saving applied).</param>
/// <param name="Appointments">Appointments in start order, cancelled ones included.</param>
/// <param name="TimeOff">Time off overlapping the working day.</param>
/// <param name="Free">Working time not taken by appointments (with their buffers) or time off.</param>
public sealed record ClinicianDayDto(
    DateOnly Date, Guid ClinicianId, string ClinicianName, IReadOnlyList<DiaryIntervalDto> Working, IReadOnlyList<DiaryAppointmentDto> Appointments,
    IReadOnlyList<DiaryIntervalDto> TimeOff, IReadOnlyList<DiaryIntervalDto> Free);

/// <summary>The day sheet.</summary>
/// <param name="Date">The first clinic-local date.</param>
/// <param name="Days">How many days.</param>
/// <param name="TimeZone">The IANA time zone the dates are in: the location's when one is asked for, otherwise the clinic's.</param>
/// <param name="Clinicians">Each clinician's day, by date then clinician name.</param>
/// <param name="LocationId">The location asked for, if any.</param>
public sealed record DaySheetDto(DateOnly Date, int Days, string TimeZone, IReadOnlyList<ClinicianDayDto> Clinicians, Guid? LocationId = null);

/// <summary>
/// The clinic's day for the front desk: per clinician, working intervals, appointments in order, time off and free gaps,
/// for a clinic-local date. Up to 7 days from it (a clinician's week). With a location: that location's day on its clock,
/// the clinicians working there and its in-person appointments.
/// </summary>
/// <param name="Date">The local date, e.g. 2026-12-01.</param>
/// <param name="ClinicianId">Only this clinician.</param>
/// <param name="Days">1 (default) to 7.</param>
/// <param name="LocationId">Only this location.</param>
public sealed record GetDaySheetQuery(DateOnly Date, Guid? ClinicianId, int Days = 1, Guid? LocationId = null) : IRequest<DaySheetDto>;

public sealed class GetDaySheetValidator : AbstractValidator<GetDaySheetQuery>
{
    public const int MaxDays = 7;

    public GetDaySheetValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Date).NotEmpty().WithinSupportedDates(bounds);
        RuleFor(q => q.Days).InclusiveBetween(1, MaxDays);
    }
}

public sealed class GetDaySheetHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetDaySheetQuery, DaySheetDto>
{
    public async Task<DaySheetDto> Handle(GetDaySheetQuery request, CancellationToken cancellationToken)
    {
        // A week at a time is a clinician's view of their own diary; the front desk works a day at a time, for everyone.
        if (request.Days > 1 && !user.IsInRole(Roles.FrontDesk) && !user.IsInRole(Roles.Admin)
            && (user.ClinicianId is null || request.ClinicianId != user.ClinicianId))
        {
            throw new ForbiddenAccessException("A clinician asks for more than one day of their own diary only.");
        }

        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var locations = await db.ClinicLocationsAsync(settings, cancellationToken);
        var onlyAt = locations.Named(request.LocationId);
        var zone = onlyAt is { } sheetLocation ? locations.ZoneOf(sheetLocation) : locations.ClinicZone;
        var dates = Enumerable.Range(0, request.Days).Select(request.Date.AddDays).ToList();
        var fromUtc = ClinicTime.ToUtc(request.Date.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = ClinicTime.ToUtc(request.Date.AddDays(request.Days).ToDateTime(TimeOnly.MinValue), zone);

        var clinicians = db.Clinicians.AsNoTracking();
        if (request.ClinicianId is { } only)
        {
            var id = new ClinicianId(only);
            clinicians = clinicians.Where(c => c.Id == id);
        }

        var staff = await clinicians.OrderBy(c => c.DisplayName).ToListAsync(cancellationToken);
        if (request.ClinicianId is { } wanted && staff.Count == 0)
        {
            throw new NotFoundException("Clinician", wanted);
        }

        var ids = staff.Select(c => c.Id).ToList();
        var earliestTimeOff = fromUtc - TimeOff.LongestSpan;
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.ClinicianId) && t.StartUtc > earliestTimeOff && t.StartUtc < toUtc && t.EndUtc > fromUtc)
            .ToListAsync(cancellationToken);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.ClinicianId) && a.StartUtc >= fromUtc && a.StartUtc < toUtc)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { Appointment = a, p.Name, p.Alerts })
            .Join(db.AppointmentTypes, x => x.Appointment.AppointmentTypeId, t => t.Id, (x, t) => new { x.Appointment, x.Name, x.Alerts, Type = t.Name })
            .ToListAsync(cancellationToken);
        var packs = user.MaySeeAccounts() ? await db.PacksOnAsync([.. appointments.Select(x => x.Appointment.PatientId).Distinct()], request.Date, cancellationToken) : [];
        var attendance = await db.PatientAttendanceAsync([.. appointments.Select(x => x.Appointment.PatientId).Distinct()], clock.GetUtcNow().UtcDateTime, cancellationToken);

        var days = new List<ClinicianDayDto>();
        foreach (var date in dates)
        {
            var (dayStart, dayEnd) = (ClinicTime.ToUtc(date.ToDateTime(TimeOnly.MinValue), zone), ClinicTime.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
            foreach (var clinician in staff)
            {
                var working = WorkingOn(clinician, dayStart, dayEnd, locations).Where(w => onlyAt is null || w.Location == onlyAt).ToList();
                var ofTheDay = appointments.Where(x => x.Appointment.ClinicianId == clinician.Id && x.Appointment.StartUtc >= dayStart && x.Appointment.StartUtc < dayEnd)
                    .OrderBy(x => x.Appointment.StartUtc).ToList();
                var booked = ofTheDay.Where(x => onlyAt is null || x.Appointment.LocationId == onlyAt).ToList();
                if (onlyAt is not null && working.Count == 0 && booked.Count == 0 && request.ClinicianId is null)
                {
                    continue;
                }

                var away = timeOff.Where(t => t.ClinicianId == clinician.Id && t.Overlaps(dayStart, dayEnd)).Select(t => new TimeSpanUtc(t.StartUtc, t.EndUtc)).ToList();
                // Every appointment of the clinician takes their time, wherever it is, so a gap at this location is really free.
                var busy = ofTheDay.Where(x => x.Appointment.Status != AppointmentStatus.Cancelled)
                    .Select(x => new TimeSpanUtc(x.Appointment.StartUtc, x.Appointment.ClinicianFreeAtUtc)).Concat(away).ToList();
                days.Add(new ClinicianDayDto(
                    date, clinician.Id.Value, clinician.DisplayName, [.. working.Select(w => DiaryIntervalDto.At(w.Span, w.Location))],
                    [.. booked.Select(x => new DiaryAppointmentDto(
                        x.Appointment.Id.Value, x.Appointment.PatientId.Value, x.Name.FullName, x.Type, x.Appointment.Mode, x.Appointment.Status,
                        new DateTimeOffset(x.Appointment.StartUtc, TimeSpan.Zero), new DateTimeOffset(x.Appointment.EndUtc, TimeSpan.Zero),
                        x.Appointment.CheckedInAtUtc is { } checkedIn ? new DateTimeOffset(checkedIn, TimeSpan.Zero) : null, MedicalAlertsDto.From(x.Alerts),
                        x.Appointment.Channel, x.Appointment.BookingNote, x.Appointment.LocationId?.Value,
                        attendance.GetValueOrDefault(x.Appointment.PatientId, PatientAttendanceDto.None),
                        [.. packs.Where(p => p.PatientId == x.Appointment.PatientId && p.ExpiresOn >= date && (p.Remaining > 0 || p.Draws.Any(d => d.AppointmentId == x.Appointment.Id)))
                            .Select(PrepaidPackDto.From)]))],
                    [.. away.Select(DiaryIntervalDto.From)],
                    [.. working.SelectMany(w => FreeTime.Gaps([w.Span], busy).Select(gap => DiaryIntervalDto.At(gap, w.Location)))]));
            }
        }

        return new DaySheetDto(request.Date, request.Days, zone.Id, days, onlyAt?.Value);
    }

    /// <summary>
    /// The clinician's working intervals that start within [dayStart, dayEnd), each on its own location's clock: a location
    /// in another zone may be on the day before or after at the same instant.
    /// </summary>
    private static IEnumerable<(TimeSpanUtc Span, LocationId Location)> WorkingOn(Clinician clinician, DateTime dayStart, DateTime dayEnd, ClinicLocations locations) =>
        from interval in clinician.WorkingHours
        let zone = locations.ZoneOf(interval.LocationId)
        let localDay = ClinicTime.LocalDate(dayStart, zone)
        from date in new[] { localDay.AddDays(-1), localDay, localDay.AddDays(1) }
        where date.DayOfWeek == interval.Day
        let span = interval.On(date, zone)
        where span.StartUtc >= dayStart && span.StartUtc < dayEnd
        orderby span.StartUtc
        select (new TimeSpanUtc(span.StartUtc, span.EndUtc), interval.LocationId);
}
