using ClinicHip.Domain.Common;
using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>
/// A runner has one set of figures per week. When both records hold the same week, neither may be dropped silently:
/// the merge is refused and the records stay apart until the figures are reconciled.
/// </summary>
public sealed class MergedRunningLoadWeeksMustNotCollideRule(IEnumerable<RunningLoadWeek> merged, IEnumerable<RunningLoadWeek> survivor) : IBusinessRule
{
    public string Code => "patient.merge-running-load-overlap";

    public string Message => "Both records hold running-load figures for the same week. Reconcile them before merging; the records stay apart.";

    public bool IsBroken()
    {
        var weeks = survivor.Select(w => w.WeekStart).ToHashSet();
        return merged.Any(w => weeks.Contains(w.WeekStart));
    }
}
