using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;

namespace ClinicHip.Domain.Scheduling.Rules;

/// <summary>
/// A clinician works at one location at a time. Intervals at different locations are compared as instants on every day
/// of the coming year, because locations in different zones (or daylight-saving rules) overlap on some dates and not on others.
/// </summary>
public sealed class ClinicianCannotBeInTwoLocationsAtOnceRule(IReadOnlyList<WorkingInterval> template, ClinicLocations locations, DateOnly fromDate) : IBusinessRule
{
    /// <summary>A year and a week: every weekday under every daylight-saving rule of the coming year.</summary>
    public const int DaysChecked = 371;

    public string Code => "clinician.two-locations-at-once";

    public string Message => "The working hours put the clinician at two locations at the same time; an interval at one location must not overlap one at another.";

    public bool IsBroken()
    {
        if (template.Select(i => i.LocationId).Distinct().Count() < 2)
        {
            return false;
        }

        // Local days either side cover any difference between the locations' zones.
        for (var day = fromDate.AddDays(-1); day <= fromDate.AddDays(DaysChecked); day = day.AddDays(1))
        {
            var spans = template.Where(i => i.Day == day.DayOfWeek)
                .Select(i => (i.LocationId, Span: i.On(day, locations.ZoneOf(i.LocationId)))).ToList();
            if (spans.Count == 0)
            {
                continue;
            }

            var nextDays = template.Where(i => i.Day == day.AddDays(1).DayOfWeek)
                .Select(i => (i.LocationId, Span: i.On(day.AddDays(1), locations.ZoneOf(i.LocationId))));
            var around = spans.Concat(nextDays).ToList();
            if (spans.Any(a => around.Any(b => a.LocationId != b.LocationId && a.Span.StartUtc < b.Span.EndUtc && b.Span.StartUtc < a.Span.EndUtc)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Working hours are where patients can be booked: at a location that exists and takes bookings.</summary>
public sealed class WorkingHoursMustBeAtOpenLocationsRule(IReadOnlyList<WorkingInterval> template, ClinicLocations locations) : IBusinessRule
{
    public string Code => "clinician.location-closed";

    public string Message => "Working hours must be at locations that take bookings.";

    public bool IsBroken() => template.Any(i => !locations.IsActive(i.LocationId));
}
