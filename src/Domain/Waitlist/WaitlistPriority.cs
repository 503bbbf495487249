using ClinicHip.Domain.Intake;

namespace ClinicHip.Domain.Waitlist;

/// <summary>
/// Who is offered a freed slot first: patients whose latest intake form triaged Urgent (or Emergency) before everyone else,
/// because their hip needs seeing within days (docs/clinical-basis.md, docs/triage-rules.md); among equals, the entry that
/// has missed (declined or let lapse) the fewest offers, so offers rotate rather than return to one patient, then the
/// one that has waited longest (docs/decisions/0044).
/// </summary>
public static class WaitlistPriority
{
    public static bool IsUrgent(TriageLevel? latestTriage) => latestTriage >= TriageLevel.Urgent;

    /// <summary>The entries in the order they are offered slots.</summary>
    public static IEnumerable<T> Order<T>(
        IEnumerable<T> entries, Func<T, TriageLevel?> latestTriage, Func<T, int> missedOffers, Func<T, DateTime> requestedAtUtc, Func<T, Guid> id) =>
        entries.OrderByDescending(e => IsUrgent(latestTriage(e))).ThenBy(missedOffers).ThenBy(requestedAtUtc).ThenBy(id);
}
