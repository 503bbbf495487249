namespace ClinicHip.Domain.Scheduling;

/// <summary>One interval of a clinician's weekly template, in clinic-local time (e.g. Monday 08:00–12:30).</summary>
public sealed record WorkingInterval(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    /// <summary>This interval on a given local date, as UTC instants. Local times that a DST change skips move to the first valid instant.</summary>
    public (DateTime StartUtc, DateTime EndUtc) On(DateOnly localDate, TimeZoneInfo zone) =>
        (ClinicTime.ToUtc(localDate.ToDateTime(Start), zone), ClinicTime.ToUtc(localDate.ToDateTime(End), zone));
}
