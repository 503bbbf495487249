namespace ClinicHip.Domain.Outcomes;

/// <summary>How much change counts as meaningful for each instrument (configurable; docs/clinical-basis.md#outcome-measures gives the NPRS rule).</summary>
/// <param name="NprsPoints">NPRS: a drop of this many points …</param>
/// <param name="NprsFraction">… or of this fraction of the baseline (0.30 = 30 %).</param>
/// <param name="IHot12Points">iHOT-12: a rise of this many points.</param>
/// <param name="HoosPoints">HOOS: a rise of this many points in a subscale.</param>
public sealed record MeaningfulChangeThresholds(decimal NprsPoints = 2, decimal NprsFraction = 0.30m, decimal IHot12Points = 10, decimal HoosPoints = 10);

/// <summary>One completed measure against the patient's first (baseline) one.</summary>
/// <param name="Id">The record id.</param>
/// <param name="RecordedAt">When (UTC).</param>
/// <param name="RecordedBy">Patient or Clinician.</param>
/// <param name="Scores">The scores.</param>
/// <param name="ChangeFromBaseline">Score minus baseline, per score.</param>
/// <param name="MeaningfulImprovement">Whether the improvement since baseline is meaningful, per score.</param>
public sealed record OutcomePoint(
    Guid Id, DateTimeOffset RecordedAt, OutcomeRecorder RecordedBy, IReadOnlyDictionary<string, decimal?> Scores, IReadOnlyDictionary<string, decimal?> ChangeFromBaseline,
    IReadOnlyDictionary<string, bool> MeaningfulImprovement);

/// <summary>The series of one instrument.</summary>
public sealed record OutcomeSeries(OutcomeInstrument Instrument, IReadOnlyList<OutcomePoint> Points);

/// <summary>Change from baseline and whether it is a meaningful improvement (MeaningfulImprovementRule).</summary>
public static class OutcomeProgress
{
    public static IReadOnlyList<OutcomeSeries> Analyse(IEnumerable<OutcomeRecord> records, MeaningfulChangeThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return [.. records.GroupBy(r => r.Instrument).OrderBy(g => g.Key).Select(group =>
        {
            var ordered = group.OrderBy(r => r.RecordedAtUtc).ToList();
            var baseline = ordered[0];
            return new OutcomeSeries(group.Key, [.. ordered.Select(record =>
            {
                var change = record.Scores.ToDictionary(s => s.Key, s => s.Value - baseline.Scores.GetValueOrDefault(s.Key));
                var meaningful = record.Scores.ToDictionary(s => s.Key, s =>
                    MeaningfulImprovementRule.IsMet(group.Key, baseline.Scores.GetValueOrDefault(s.Key), s.Value, thresholds));
                return new OutcomePoint(record.Id, new DateTimeOffset(record.RecordedAtUtc), record.RecordedBy, record.Scores, change, meaningful);
            })]);
        })];
    }

    /// <summary>
    /// NPRS improves when pain drops by at least the points or the fraction of baseline (docs/clinical-basis.md#outcome-measures: a drop of
    /// 2 points or 30 % is meaningful); iHOT-12 and HOOS improve when the score rises by at least their points.
    /// </summary>
    public static class MeaningfulImprovementRule
    {
        public static bool IsMet(OutcomeInstrument instrument, decimal? baseline, decimal? current, MeaningfulChangeThresholds thresholds)
        {
            ArgumentNullException.ThrowIfNull(thresholds);
            if (baseline is not { } before || current is not { } now)
            {
                return false;
            }

            return instrument switch
            {
                OutcomeInstrument.Nprs => before - now >= thresholds.NprsPoints || (before > 0 && (before - now) / before >= thresholds.NprsFraction),
                OutcomeInstrument.IHot12 => now - before >= thresholds.IHot12Points,
                OutcomeInstrument.Hoos => now - before >= thresholds.HoosPoints,
                _ => false,
            };
        }
    }
}
