namespace ClinicHip.Domain.RunningLoad;

/// <summary>A week of training with what its load means.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="DistanceKm">Distance run that week.</param>
/// <param name="Runs">Number of runs.</param>
/// <param name="LongestRunKm">Longest single run.</param>
/// <param name="WeekOnWeekChange">Change from the previous week, as a fraction (0.15 = +15 %); null without the previous week.</param>
/// <param name="AcuteChronicRatio">This week ÷ the mean of the previous four; null unless all four are recorded.</param>
/// <param name="Flags">Load warnings: <c>running-load.weekly-rise-over-10-percent</c>, <c>running-load.acute-chronic-over-1.5</c>.</param>
/// <param name="Source">Where the week's figures came from: TrainingFiles when runs were read from the runner's files (they win over typed figures), otherwise who typed them.</param>
public sealed record RunningLoadPoint(
    DateOnly WeekStart, decimal DistanceKm, int Runs, decimal? LongestRunKm, decimal? WeekOnWeekChange, decimal? AcuteChronicRatio, IReadOnlyList<string> Flags,
    RunningLoadSource Source);

/// <summary>
/// The training-load checks (docs/clinical-basis.md#training-load): weekly load should rise by no more than about 10 % a week
/// (<see cref="TenPercentRule"/>), and a week far above the recent average (<see cref="AcuteChronicRule"/>) is the
/// spike behind most overuse injuries.
/// </summary>
public static class RunningLoadAnalysis
{
    public static IReadOnlyList<RunningLoadPoint> Analyse(IEnumerable<WeeklyLoad> weeks)
    {
        var byWeek = weeks.ToDictionary(w => w.WeekStart);
        return [.. byWeek.Values.OrderBy(w => w.WeekStart).Select(week =>
        {
            var previous = byWeek.GetValueOrDefault(week.WeekStart.AddDays(-7));
            var change = TenPercentRule.Change(week.DistanceKm, previous?.DistanceKm);
            var chronic = Enumerable.Range(1, 4).Select(i => byWeek.GetValueOrDefault(week.WeekStart.AddDays(-7 * i))).ToList();
            var ratio = AcuteChronicRule.Ratio(week.DistanceKm, chronic.Any(w => w is null) ? null : chronic.Average(w => w!.DistanceKm));
            var flags = new List<string>();
            if (TenPercentRule.IsBroken(change))
            {
                flags.Add(TenPercentRule.Code);
            }

            if (AcuteChronicRule.IsBroken(ratio))
            {
                flags.Add(AcuteChronicRule.Code);
            }

            return new RunningLoadPoint(week.WeekStart, week.DistanceKm, week.Runs, week.LongestRunKm, change, ratio, flags, week.Source);
        })];
    }

    /// <summary>The "10 % rule": weekly distance should not rise by more than 10 % over the week before.</summary>
    public static class TenPercentRule
    {
        public const string Code = "running-load.weekly-rise-over-10-percent";
        public const decimal MaxRise = 0.10m;

        public static decimal? Change(decimal thisWeek, decimal? previousWeek) =>
            previousWeek is > 0 ? Math.Round((thisWeek - previousWeek.Value) / previousWeek.Value, 3) : null;

        public static bool IsBroken(decimal? change) => change > MaxRise;
    }

    /// <summary>Acute:chronic workload: this week's distance over the mean of the previous four weeks; above 1.5 is a spike.</summary>
    public static class AcuteChronicRule
    {
        public const string Code = "running-load.acute-chronic-over-1.5";
        public const decimal MaxRatio = 1.5m;

        public static decimal? Ratio(decimal thisWeek, decimal? chronicMean) => chronicMean is > 0 ? Math.Round(thisWeek / chronicMean.Value, 2) : null;

        public static bool IsBroken(decimal? ratio) => ratio > MaxRatio;
    }
}
