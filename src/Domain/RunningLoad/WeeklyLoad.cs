namespace ClinicHip.Domain.RunningLoad;

/// <summary>One week's running, from whichever source counts for it.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="DistanceKm">Distance run.</param>
/// <param name="Runs">Number of runs.</param>
/// <param name="LongestRunKm">The longest run, where known.</param>
/// <param name="Source">Where the figures came from.</param>
public sealed record WeeklyLoad(DateOnly WeekStart, decimal DistanceKm, int Runs, decimal? LongestRunKm, RunningLoadSource Source)
{
    /// <summary>
    /// The weekly series from typed weeks and runs read from training files. A week with at least one recorded run takes
    /// its figures from the runs, whatever was typed for it: measured beats remembered (docs/decisions/0060). Weeks
    /// without recorded runs keep their typed figures; activities of other sports never count.
    /// </summary>
    public static IReadOnlyList<WeeklyLoad> Combine(IEnumerable<RunningLoadWeek> typed, IEnumerable<TrainingRun> recorded)
    {
        var fromFiles = recorded.Where(r => r.IsRunning).GroupBy(r => r.WeekStart).ToDictionary(
            week => week.Key,
            week => new WeeklyLoad(week.Key, Math.Min(week.Sum(r => r.DistanceKm), RunningLoadWeek.MaxWeeklyKm), week.Count(), week.Max(r => r.DistanceKm), RunningLoadSource.TrainingFiles));
        var typedOnly = typed.Where(w => !fromFiles.ContainsKey(w.WeekStart))
            .Select(w => new WeeklyLoad(w.WeekStart, w.DistanceKm, w.Runs, w.LongestRunKm, w.Source));
        return [.. fromFiles.Values.Concat(typedOnly).OrderBy(w => w.WeekStart)];
    }
}
