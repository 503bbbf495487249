using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Waitlist;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Waitlist;

/// <summary>
/// Run by the outbox dispatcher when a stretch of a clinician's diary was freed (a cancellation, a reschedule, a released
/// hold, time off withdrawn, new working hours): offers its free slots to the waitlist, one entry at a time in
/// <see cref="WaitlistPriority"/> order, each entry at most one slot, each slot to one entry. Every offer holds its slot
/// through an appointment hold on the diary cells, saved with the offer: when two instances offer the same slot, the
/// database's unique cell key lets one hold win (docs/decisions/0005, 0026). Answers how many offers were made.
/// </summary>
/// <param name="ClinicianId">Whose diary.</param>
/// <param name="FromUtc">Start of the freed time.</param>
/// <param name="ToUtc">End of it.</param>
public sealed record OfferFreedTimeCommand(Guid ClinicianId, DateTime FromUtc, DateTime ToUtc) : IRequest<int>;

public sealed class OfferFreedTimeHandler(IApplicationDbContext db, TimeProvider clock, IOptions<WaitlistOptions> options) : IRequestHandler<OfferFreedTimeCommand, int>
{
    /// <summary>Slots tried per entry before moving on, when others take them first.</summary>
    private const int AttemptsPerEntry = 3;

    private enum Attempt
    {
        Offered,
        SlotTaken,
        EntryGone,
    }

    public async Task<int> Handle(OfferFreedTimeCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holdFor = options.Value.OfferHoldTime;
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var locations = await db.ClinicLocationsAsync(settings, cancellationToken);
        var clinicianId = new ClinicianId(request.ClinicianId);
        var clinician = await db.Clinicians.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clinicianId, cancellationToken);

        // Only what the patient could still book themself when the hold ends: the same notice and horizon as online booking.
        // A slot starting a little before the freed time may reach into it, so starts are looked for from an appointment's length before.
        var noticeBound = now + holdFor + settings.MinimumNoticeForPatients;
        var earliest = Max(request.FromUtc - Appointment.LongestClinicianSpan, noticeBound);
        var latest = Min(request.ToUtc, now + settings.BookingHorizon);
        if (clinician is not { IsBookable: true } || earliest >= latest)
        {
            return 0;
        }

        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.Status == WaitlistEntryStatus.Waiting && e.ExpiresAtUtc > earliest && e.WindowStartUtc < latest
                && (e.ClinicianId == null || e.ClinicianId == clinicianId))
            .OrderBy(e => e.RequestedAtUtc).Take(options.Value.MaxEntriesPerFreedTime)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var (patientIds, typeIds) = (entries.ConvertAll(e => e.PatientId), entries.ConvertAll(e => e.AppointmentTypeId));
        var triage = await LatestTriageAsync(patientIds, cancellationToken);
        var bookable = (await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id) && p.ArchivedAtUtc == null).Select(p => p.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var types = await db.AppointmentTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        // A slot offered to a patient once is never offered to them again, through any of their entries; a patient with an
        // offer outstanding is offered nothing more until they answer it (docs/decisions/0044).
        var offeredBefore = (await db.WaitlistOffers.AsNoTracking().Where(o => patientIds.Contains(o.PatientId) && o.ClinicianId == clinicianId)
            .Select(o => new { o.PatientId, o.StartUtc }).ToListAsync(cancellationToken)).Select(o => (o.PatientId, o.StartUtc)).ToHashSet();
        var holdingAnOffer = (await db.WaitlistEntries.AsNoTracking().Where(e => patientIds.Contains(e.PatientId) && e.Status == WaitlistEntryStatus.Offered)
            .Select(e => e.PatientId).ToListAsync(cancellationToken)).ToHashSet();
        var (busy, timeOff) = await BusyTimeAsync(clinicianId, earliest, latest, cancellationToken);

        var offers = 0;
        var ordered = WaitlistPriority.Order(
            entries.Where(e => bookable.Contains(e.PatientId)), e => triage.GetValueOrDefault(e.PatientId), e => e.MissedOffers, e => e.RequestedAtUtc, e => e.Id.Value);
        foreach (var entry in ordered)
        {
            if (holdingAnOffer.Contains(entry.PatientId) || !types.TryGetValue(entry.AppointmentTypeId, out var type) || !type.IsActive || !type.Allows(entry.Mode))
            {
                continue;
            }

            var firstStart = Max(Max(request.FromUtc - type.Duration - type.BufferAfter + BookingGrid.Cell, noticeBound), entry.WindowStartUtc);
            var onlyAt = entry.Mode == AppointmentMode.InPerson ? entry.LocationId : null;
            var slots = AvailabilityCalculator.FreeSlots(clinician, type, busy, settings, locations, firstStart, Min(latest, entry.ExpiresAtUtc), onlyAt)
                .Where(s => entry.Matches(s, type.Id, locations) && !offeredBefore.Contains((entry.PatientId, s.StartUtc)))
                .Take(AttemptsPerEntry).ToList();
            var context = new BookingContext(settings, timeOff, now, ByPatient: false) { Locations = locations, RequestedLocationId = entry.LocationId };
            foreach (var slot in slots)
            {
                var attempt = await TryOfferAsync(entry.Id, clinician, type, slot.StartUtc, context, cancellationToken);
                if (attempt == Attempt.Offered)
                {
                    holdingAnOffer.Add(entry.PatientId);
                    busy.Add(new BusyInterval(slot.StartUtc, slot.StartUtc + type.Duration + type.BufferAfter));
                    offers++;
                }

                if (attempt != Attempt.SlotTaken)
                {
                    break;
                }
            }
        }

        return offers;
    }

    /// <summary>Holds the slot and offers it to the entry, in one save; the unique cell key or the entry's version refuses a race lost.</summary>
    private async Task<Attempt> TryOfferAsync(
        WaitlistEntryId entryId, Clinician clinician, AppointmentType type, DateTime startUtc, BookingContext context, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null || entry.StatusAt(context.NowUtc) != WaitlistEntryStatus.Waiting)
        {
            return Attempt.EntryGone;
        }

        Appointment hold;
        try
        {
            hold = Appointment.Hold(entry.PatientId, clinician, type, startUtc, entry.Mode, context);
        }
        catch (BusinessRuleViolationException)
        {
            db.ClearChangeTracker();
            return Attempt.SlotTaken;
        }

        db.Appointments.Add(hold);
        db.WaitlistOffers.Add(WaitlistOffer.Make(entry, hold, context.NowUtc, options.Value.OfferHoldTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Attempt.Offered;
        }
        catch (UniqueConstraintViolationException)
        {
            // The slot (or the patient's time, or this very offer) was taken meanwhile, by a booking or another instance.
            return Attempt.SlotTaken;
        }
        catch (PreconditionFailedException)
        {
            return Attempt.EntryGone;
        }
        finally
        {
            db.ClearChangeTracker();
        }
    }

    /// <summary>Each patient's latest intake triage level (superseded forms aside), in one query.</summary>
    private async Task<Dictionary<PatientId, TriageLevel>> LatestTriageAsync(List<PatientId> patientIds, CancellationToken cancellationToken)
    {
        var forms = await db.IntakeForms.AsNoTracking().Where(f => patientIds.Contains(f.PatientId) && f.Status != IntakeStatus.Superseded)
            .Select(f => new { f.PatientId, f.SubmittedAtUtc, f.TriageLevel }).ToListAsync(cancellationToken);
        return forms.GroupBy(f => f.PatientId).ToDictionary(g => g.Key, g => g.MaxBy(f => f.SubmittedAtUtc)!.TriageLevel);
    }

    /// <summary>The clinician's taken time around the window, holds included (they own their cells), and the time off itself for the booking rules.</summary>
    private async Task<(List<BusyInterval> Busy, List<TimeOff> TimeOff)> BusyTimeAsync(
        ClinicianId clinicianId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var (busyFrom, busyTo) = (fromUtc, toUtc + AppointmentType.MaxDuration + AppointmentType.MaxBufferAfter);
        var appointmentsFrom = busyFrom - Appointment.LongestClinicianSpan;
        var appointments = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && a.StartUtc > appointmentsFrom && a.StartUtc < busyTo && a.ClinicianFreeAtUtc > busyFrom
                && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new BusyInterval(a.StartUtc, a.ClinicianFreeAtUtc))
            .ToListAsync(cancellationToken);
        var timeOffFrom = busyFrom - TimeOff.LongestSpan;
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => t.ClinicianId == clinicianId && t.StartUtc > timeOffFrom && t.StartUtc < busyTo && t.EndUtc > busyFrom)
            .ToListAsync(cancellationToken);
        return ([.. appointments, .. timeOff.Select(t => new BusyInterval(t.StartUtc, t.EndUtc))], timeOff);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
