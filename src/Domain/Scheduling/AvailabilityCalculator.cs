using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// A free slot: the appointment would run from <see cref="StartUtc"/> to <see cref="EndUtc"/>, in person at
/// <see cref="LocationId"/>, or telehealth only when that is null.
/// </summary>
public sealed record AvailableSlot(ClinicianId ClinicianId, DateTime StartUtc, DateTime EndUtc, LocationId? LocationId);

/// <summary>A stretch of a clinician's time that is taken: an appointment (with its buffer) or time off.</summary>
public readonly record struct BusyInterval(DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// Free slots = working hours − time off − booked appointments (with buffers), stepping by the clinic's slot
/// interval in UTC from the start of each working interval, so a daylight-saving change moves nothing. Each working
/// interval is read on its location's clock.
/// </summary>
public static class AvailabilityCalculator
{
    /// <param name="clinician">Whose diary.</param>
    /// <param name="type">What would be booked: its duration and buffer.</param>
    /// <param name="busy">The clinician's taken time overlapping the window, in any order.</param>
    /// <param name="settings">The slot interval.</param>
    /// <param name="locations">The locations' clocks, whether they take bookings, and the clinic's zone.</param>
    /// <param name="earliestStartUtc">No slot starts before this (window start, or now plus the patient notice).</param>
    /// <param name="latestStartUtc">No slot starts at or after this (window end, or the patient horizon).</param>
    /// <param name="onlyAt">Only in-person slots at this location.</param>
    public static IEnumerable<AvailableSlot> FreeSlots(
        Clinician clinician, AppointmentType type, IEnumerable<BusyInterval> busy, ClinicSettings settings, ClinicLocations locations,
        DateTime earliestStartUtc, DateTime latestStartUtc, LocationId? onlyAt = null)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(locations);
        var taken = new BusyTimeline(busy);

        // Local days that can hold a slot starting in the window; two days either side cover any two locations' offsets.
        var firstDay = ClinicTime.LocalDate(earliestStartUtc, locations.ClinicZone).AddDays(-2);
        var lastDay = ClinicTime.LocalDate(latestStartUtc, locations.ClinicZone).AddDays(2);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var interval in clinician.WorkingHours.Where(i => i.Day == day.DayOfWeek))
            {
                var inPersonHere = type.Allows(AppointmentMode.InPerson) && locations.IsActive(interval.LocationId) && type.IsOfferedInPersonAt(interval.LocationId);
                if (onlyAt is { } wanted ? wanted != interval.LocationId || !inPersonHere : !inPersonHere && !type.Allows(AppointmentMode.Telehealth))
                {
                    continue;
                }

                var location = inPersonHere ? interval.LocationId : (LocationId?)null;
                var (workStart, workEnd) = interval.On(day, locations.ZoneOf(interval.LocationId));
                for (var start = workStart; start + type.Duration <= workEnd; start += settings.SlotInterval)
                {
                    if (start < earliestStartUtc || start >= latestStartUtc)
                    {
                        continue;
                    }

                    var clinicianFreeAt = start + type.Duration + type.BufferAfter;
                    if (!taken.Overlaps(start, clinicianFreeAt))
                    {
                        yield return new AvailableSlot(clinician.Id, start, start + type.Duration, location);
                    }
                }
            }
        }
    }

    /// <summary>Taken intervals sorted by start, with the latest end so far, so an overlap test is one binary search.</summary>
    private sealed class BusyTimeline
    {
        private readonly DateTime[] starts;
        private readonly DateTime[] latestEndSoFar;

        public BusyTimeline(IEnumerable<BusyInterval> busy)
        {
            var sorted = busy.OrderBy(b => b.StartUtc).ToArray();
            starts = [.. sorted.Select(b => b.StartUtc)];
            latestEndSoFar = new DateTime[sorted.Length];
            for (var i = 0; i < sorted.Length; i++)
            {
                latestEndSoFar[i] = i == 0 || sorted[i].EndUtc > latestEndSoFar[i - 1] ? sorted[i].EndUtc : latestEndSoFar[i - 1];
            }
        }

        /// <summary>Whether any taken interval overlaps [start, end).</summary>
        public bool Overlaps(DateTime startUtc, DateTime endUtc)
        {
            // Intervals starting before endUtc are a prefix; one of them overlaps if the latest end among them is after startUtc.
            var startingBefore = Array.BinarySearch(starts, endUtc);
            startingBefore = startingBefore >= 0 ? FirstIndexOf(endUtc, startingBefore) : ~startingBefore;
            return startingBefore > 0 && latestEndSoFar[startingBefore - 1] > startUtc;
        }

        private int FirstIndexOf(DateTime value, int found)
        {
            while (found > 0 && starts[found - 1] == value)
            {
                found--;
            }

            return found;
        }
    }
}
