using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.UnitTests.Scheduling;

/// <summary>A stretch of a clinician's time in a test diary: an appointment or hold (with its buffer), or time off.</summary>
internal sealed record Taken(ClinicianId ClinicianId, DateTime StartUtc, DateTime EndUtc, bool IsTimeOff)
{
    /// <summary>Whether the availability queries read it for [busyFrom, busyTo): the same bounds as the database queries.</summary>
    public bool IsReadFor(DateTime busyFrom, DateTime busyTo) =>
        StartUtc > busyFrom - (IsTimeOff ? TimeOff.LongestSpan : Appointment.LongestClinicianSpan) && StartUtc < busyTo && EndUtc > busyFrom;
}

/// <summary>
/// Availability as it was computed before the diary occupancy (docs/decisions/0034), kept as the reference the new
/// structure is held to: every bookable clinician's busy time read for the whole requested window, the free slots of
/// the window laid on it, then the caller's earliest and latest start applied.
/// </summary>
internal static class ReferenceAvailability
{
    public static List<AvailableSlot> Slots(
        IReadOnlyList<Clinician> clinicians, AppointmentType type, IEnumerable<Taken> diary, ClinicSettings settings, ClinicLocations locations,
        DateTime fromUtc, DateTime toUtc, DateTime earliestUtc, DateTime latestUtc, LocationId? onlyAt)
    {
        var (busyFrom, busyTo) = (fromUtc, toUtc + type.Duration + type.BufferAfter);
        var busyByClinician = diary.Where(t => t.IsReadFor(busyFrom, busyTo)).ToLookup(t => t.ClinicianId, t => new BusyInterval(t.StartUtc, t.EndUtc));
        var window = clinicians
            .SelectMany(c => AvailabilityCalculator.FreeSlots(c, type, busyByClinician[c.Id], settings, locations, fromUtc, toUtc, onlyAt))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.ClinicianId.Value)
            .ToList();
        return [.. window.Where(s => s.StartUtc >= earliestUtc && s.StartUtc < latestUtc).OrderBy(s => s.StartUtc).ThenBy(s => s.ClinicianId.Value)];
    }
}
