namespace ClinicHip.Domain.Outcomes;

/// <summary>The outcome measures the clinic tracks (docs/clinical-basis.md#outcome-measures).</summary>
public enum OutcomeInstrument
{
    /// <summary>Numeric pain rating, 0–10 (lower is better).</summary>
    Nprs,

    /// <summary>International Hip Outcome Tool: 12 items 0–100, score = mean (100 is best).</summary>
    IHot12,

    /// <summary>Hip disability and Osteoarthritis Outcome Score: 40 items 0–4 in five subscales, each 0–100 (100 = no problems).</summary>
    Hoos,
}

/// <summary>The five HOOS subscales, in questionnaire order.</summary>
public enum HoosSubscale
{
    Pain,
    Symptoms,
    DailyLiving,
    SportAndRecreation,
    QualityOfLife,
}

/// <summary>Scoring of each instrument from its item answers; unanswered items are null.</summary>
public static class OutcomeScoring
{
    public const int IHot12Items = 12;
    public const int HoosItems = 40;

    /// <summary>HOOS item counts per subscale, in questionnaire order (symptoms 5, pain 10, daily living 17, sport 4, quality of life 4).</summary>
    public static readonly IReadOnlyList<(HoosSubscale Subscale, int Items)> HoosLayout =
    [
        (HoosSubscale.Symptoms, 5), (HoosSubscale.Pain, 10), (HoosSubscale.DailyLiving, 17), (HoosSubscale.SportAndRecreation, 4), (HoosSubscale.QualityOfLife, 4),
    ];

    /// <summary>A subscale is scored only when at least half of its items are answered.</summary>
    public const double MinimumAnsweredShare = 0.5;

    public static decimal Nprs(int score) => score is >= 0 and <= 10 ? score : throw new ArgumentOutOfRangeException(nameof(score), "NPRS is 0–10.");

    /// <summary>iHOT-12: the mean of the answered items (0–100); null when fewer than half are answered.</summary>
    public static decimal? IHot12(IReadOnlyList<int?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Require(items.Count == IHot12Items && items.All(i => i is null or >= 0 and <= 100), "iHOT-12 has 12 items, each 0–100.");
        var answered = items.OfType<int>().ToList();
        return answered.Count < IHot12Items * MinimumAnsweredShare ? null : Math.Round((decimal)answered.Average(), 1);
    }

    /// <summary>
    /// HOOS subscales: 100 − (sum of answered items × 100 ÷ (4 × items answered)), so 100 means no problems; a subscale
    /// with fewer than half its items answered has no score.
    /// </summary>
    public static IReadOnlyDictionary<HoosSubscale, decimal?> Hoos(IReadOnlyList<int?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Require(items.Count == HoosItems && items.All(i => i is null or >= 0 and <= 4), "HOOS has 40 items, each 0–4.");
        var scores = new Dictionary<HoosSubscale, decimal?>();
        var offset = 0;
        foreach (var (subscale, count) in HoosLayout)
        {
            var answered = items.Skip(offset).Take(count).OfType<int>().ToList();
            scores[subscale] = answered.Count < count * MinimumAnsweredShare ? null : Math.Round(100m - (answered.Sum() * 100m / (4m * answered.Count)), 1);
            offset += count;
        }

        return scores;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
