namespace ClinicHip.Application.Reminders;

/// <summary>When an appointment's reminders are due: at each configured lead time before its start, except those already past.</summary>
public static class ReminderSchedule
{
    public static readonly IReadOnlyList<TimeSpan> DefaultLeadTimes = [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];

    public static IEnumerable<(TimeSpan LeadTime, DateTime DueAtUtc)> DueTimes(DateTime startUtc, DateTime nowUtc, IEnumerable<TimeSpan> leadTimes)
    {
        ArgumentNullException.ThrowIfNull(leadTimes);
        return leadTimes.Where(lead => lead > TimeSpan.Zero).Distinct().Select(lead => (lead, startUtc - lead)).Where(due => due.Item2 > nowUtc);
    }
}
