namespace ClinicHip.Domain.Scheduling;

/// <summary>Conversions between the clinic's wall clock and UTC that stay right across daylight-saving changes.</summary>
public static class ClinicTime
{
    /// <summary>
    /// UTC for a clinic-local time. A time skipped by a spring-forward change maps to the instant the clocks jump
    /// to; an ambiguous time in a fall-back change maps to its first (daylight) occurrence.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var probe = local;
        while (zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(BookingGrid.CellMinutes);
        }

        if (probe != local)
        {
            // Skipped wall-clock time: the instant the clocks jumped to.
            return DateTime.SpecifyKind(probe - zone.GetUtcOffset(probe), DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
