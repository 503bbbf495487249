using ClinicHip.Domain.Locations;

namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// One interval of a clinician's weekly template at one location, in that location's wall-clock time
/// (e.g. Monday 08:00–12:30 at the city clinic).
/// </summary>
public sealed record WorkingInterval(DayOfWeek Day, TimeOnly Start, TimeOnly End, LocationId LocationId)
{
    /// <summary>This interval on a given local date, as UTC instants. Local times that a DST change skips move to the first valid instant.</summary>
    public (DateTime StartUtc, DateTime EndUtc) On(DateOnly localDate, TimeZoneInfo zone) =>
        (ClinicTime.ToUtc(localDate.ToDateTime(Start), zone), ClinicTime.ToUtc(localDate.ToDateTime(End), zone));

    /// <summary>This interval on the local date of its own location's clock that <paramref name="instantUtc"/> falls on.</summary>
    public (DateTime StartUtc, DateTime EndUtc)? OnDayOf(DateTime instantUtc, ClinicLocations locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var zone = locations.ZoneOf(LocationId);
        var day = ClinicTime.LocalDate(instantUtc, zone);
        return day.DayOfWeek == Day ? On(day, zone) : null;
    }
}
