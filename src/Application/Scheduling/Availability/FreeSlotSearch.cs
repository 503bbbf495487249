using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Locations;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Staff;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>What both availability answers (slot by slot, and by clinician and day) are asked.</summary>
internal interface IAvailabilityRequest
{
    Guid AppointmentTypeId { get; }

    DateTimeOffset From { get; }

    DateTimeOffset To { get; }

    Guid? ClinicianId { get; }

    Guid? LocationId { get; }
}

/// <summary>The window rules of both availability answers, written once; each use case's validator includes them.</summary>
/// <typeparam name="T">The availability question.</typeparam>
internal sealed class AvailabilityRequestValidator<T> : AbstractValidator<T>
    where T : IAvailabilityRequest
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public AvailabilityRequestValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.From).WithinSupportedDates(bounds);
        RuleFor(q => q.To).WithinSupportedDates(bounds);
        RuleFor(q => q.AppointmentTypeId).NotEmpty();
        RuleFor(q => q.To).GreaterThan(q => q.From).WithMessage("'to' must be after 'from'.");
        RuleFor(q => q.To).Must((q, to) => to - q.From <= MaxWindow).WithMessage("The window is at most 31 days.");
    }
}

/// <summary>The free slots the caller may book, in the order availability answers (by start, then clinician).</summary>
/// <param name="Clinic">The clinic's shape they were laid on (clinician names, locations' clocks).</param>
/// <param name="Type">The appointment type asked about.</param>
/// <param name="Slots">The slots: the clinic's free ones, less the patient's own busy times, plus those held for the patient.</param>
public sealed record FoundSlots(ClinicShape Clinic, AppointmentType Type, IReadOnlyList<AvailableSlot> Slots);

/// <summary>
/// Finds the free slots of an availability question for the current caller, whatever shape the answer takes: the
/// clinic's free slots come from the <see cref="DiaryOccupancy"/> (docs/decisions/0034); what differs per caller (now,
/// a patient's notice, horizon, own bookings and the slots held for them) is applied here.
/// </summary>
public sealed class FreeSlotSearch(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, DiaryOccupancy occupancy)
{
    internal async Task<FoundSlots> FindAsync(IAvailabilityRequest request, CancellationToken cancellationToken)
    {
        var byPatient = user.IsPatient();
        var clinic = await occupancy.ShapeAsync(LoadShapeAsync, cancellationToken);
        var type = await clinic.TypeAsync(new AppointmentTypeId(request.AppointmentTypeId), () => LoadTypeAsync(request.AppointmentTypeId, cancellationToken));
        var onlyAt = clinic.Locations.Named(request.LocationId);
        foreach (var rule in new IBusinessRule[] { new AppointmentTypeMustBeActiveRule(type), new TypeMustBeBookableOnlineRule(type, byPatient) })
        {
            if (rule.IsBroken())
            {
                throw new BusinessRuleViolationException(rule);
            }
        }

        // What differs per caller: now, the patient notice and horizon, and the patient's own bookings.
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = clinic.Settings;
        var earliest = Max(request.From.UtcDateTime, byPatient ? now + settings.MinimumNoticeForPatients : now);
        var latest = byPatient ? Min(request.To.UtcDateTime, now + settings.BookingHorizon) : request.To.UtcDateTime;
        if (earliest >= latest)
        {
            return new FoundSlots(clinic, type, []);
        }

        IReadOnlyList<Clinician> clinicians = request.ClinicianId is { } only ? [.. clinic.BookableClinicians.Where(c => c.Id.Value == only)] : clinic.BookableClinicians;
        var occupies = type.Duration + type.BufferAfter;
        var free = await occupancy.FreeSlotsAsync(clinic, clinicians, type, earliest, latest, onlyAt, LoadBusyAsync, cancellationToken);
        if (!byPatient)
        {
            return new FoundSlots(clinic, type, free);
        }

        var own = await PatientsOwnBusyTimeAsync(earliest, latest + occupies, cancellationToken);
        var heldForCaller = await SlotsHeldForPatientAsync(request, earliest, latest, cancellationToken);
        if (own.Count > 0)
        {
            free.RemoveAll(s => own.Exists(b => b.StartUtc < s.StartUtc + occupies && b.EndUtc > s.StartUtc));
        }

        if (heldForCaller.Count > 0)
        {
            return new FoundSlots(clinic, type, [.. free.Concat(heldForCaller.Where(s => clinicians.Any(c => c.Id == s.ClinicianId)))
                .OrderBy(s => s.StartUtc).ThenBy(s => s.ClinicianId.Value)]);
        }

        return new FoundSlots(clinic, type, free);
    }

    private async Task<ClinicShape> LoadShapeAsync(CancellationToken cancellationToken)
    {
        var settings = await db.ClinicSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default();
        var locations = await db.ClinicLocationsAsync(settings, cancellationToken);
        var clinicians = await db.Clinicians.AsNoTracking().Where(c => c.IsBookable).ToListAsync(cancellationToken);
        return new ClinicShape(settings, locations, clinicians);
    }

    private async Task<AppointmentType> LoadTypeAsync(Guid id, CancellationToken cancellationToken)
    {
        var typeId = new AppointmentTypeId(id);
        return await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken)
            ?? throw new NotFoundException("Appointment type", id);
    }

    /// <summary>
    /// The clinicians' taken time in a span of days: one query per kind, bounded below so years of history cost nothing.
    /// Waitlist holds included: their cells are taken until the offer is answered (docs/decisions/0026).
    /// </summary>
    private async Task<IReadOnlyList<(ClinicianId ClinicianId, BusyInterval Busy)>> LoadBusyAsync(
        IReadOnlyCollection<ClinicianId> clinicians, DateTime busyFrom, DateTime busyTo, CancellationToken cancellationToken)
    {
        var ids = clinicians.ToList();
        var (appointmentsFrom, timeOffFrom) = (busyFrom - Appointment.LongestClinicianSpan, busyFrom - TimeOff.LongestSpan);
        var appointments = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.ClinicianId) && a.StartUtc > appointmentsFrom && a.StartUtc < busyTo
                && a.ClinicianFreeAtUtc > busyFrom && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.ClinicianId, a.StartUtc, a.ClinicianFreeAtUtc })
            .ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.ClinicianId) && t.StartUtc > timeOffFrom && t.StartUtc < busyTo && t.EndUtc > busyFrom)
            .Select(t => new { t.ClinicianId, t.StartUtc, t.EndUtc })
            .ToListAsync(cancellationToken);
        return [.. appointments.Select(a => (a.ClinicianId, new BusyInterval(a.StartUtc, a.ClinicianFreeAtUtc))),
            .. timeOff.Select(t => (t.ClinicianId, new BusyInterval(t.StartUtc, t.EndUtc)))];
    }

    /// <summary>A patient cannot be in two places at once: their own bookings block every clinician's slots for them.</summary>
    private async Task<List<BusyInterval>> PatientsOwnBusyTimeAsync(DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var patientId = new Domain.Patients.PatientId(user.PatientId ?? Guid.Empty);
        var earliestStart = from - AppointmentType.MaxDuration;
        var own = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.StartUtc > earliestStart && a.StartUtc < to && a.EndUtc > from && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.StartUtc, a.EndUtc })
            .ToListAsync(cancellationToken);
        return own.ConvertAll(a => new BusyInterval(a.StartUtc, a.EndUtc));
    }

    /// <summary>
    /// A slot held from the waitlist for this patient is free to them (to nobody else) while the offer is open: they take
    /// it by accepting the offer (POST /api/waitlist/offers/{id}/accept).
    /// </summary>
    private async Task<List<AvailableSlot>> SlotsHeldForPatientAsync(IAvailabilityRequest request, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var patientId = new Domain.Patients.PatientId(user.PatientId ?? Guid.Empty);
        var typeId = new AppointmentTypeId(request.AppointmentTypeId);
        var clinicianFilter = request.ClinicianId is { } id ? new ClinicianId(id) : (ClinicianId?)null;
        var now = clock.GetUtcNow().UtcDateTime;
        var locationFilter = request.LocationId is { } at ? new Domain.Locations.LocationId(at) : (Domain.Locations.LocationId?)null;
        var held = await db.WaitlistOffers.AsNoTracking()
            .Where(o => o.PatientId == patientId && o.Status == Domain.Waitlist.WaitlistOfferStatus.Pending && o.ExpiresAtUtc > now && o.AppointmentTypeId == typeId
                && o.StartUtc >= from && o.StartUtc < to && (clinicianFilter == null || o.ClinicianId == clinicianFilter))
            .Join(db.Appointments.IgnoreQueryFilters(), o => o.HoldId, hold => hold.Id, (o, hold) => new { o.ClinicianId, o.StartUtc, o.EndUtc, hold.LocationId })
            .Where(h => locationFilter == null || h.LocationId == locationFilter)
            .ToListAsync(cancellationToken);
        return held.ConvertAll(o => new AvailableSlot(o.ClinicianId, o.StartUtc, o.EndUtc, o.LocationId));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
