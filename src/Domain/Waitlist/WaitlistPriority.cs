using ClinicHip.Domain.Intake;

namespace ClinicHip.Domain.Waitlist;

/// <summary>
/// Who is offered a freed slot first: patients whose latest intake form triaged Urgent (or Emergency) before everyone else,
/// because their hip needs seeing within days (docs/clinical-basis.md, docs/triage-rules.md); among equals, the entry that
/// has waited longest.
/// </summary>
public static class WaitlistPriority
{
    public static bool IsUrgent(TriageLevel? latestTriage) => latestTriage >= TriageLevel.Urgent;

    /// <summary>The entries in the order they are offered slots.</summary>
    public static IEnumerable<T> Order<T>(IEnumerable<T> entries, Func<T, TriageLevel?> latestTriage, Func<T, DateTime> requestedAtUtc, Func<T, Guid> id) =>
        entries.OrderByDescending(e => IsUrgent(latestTriage(e))).ThenBy(requestedAtUtc).ThenBy(id);
}
