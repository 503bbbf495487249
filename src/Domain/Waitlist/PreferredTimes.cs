namespace ClinicHip.Domain.Waitlist;

/// <summary>The named parts of a clinic-local day a patient can ask for.</summary>
[Flags]
public enum PartsOfDay
{
    None = 0,

    /// <summary>Starting 06:00 to before 12:00.</summary>
    Morning = 1,

    /// <summary>Starting 12:00 to before 17:00.</summary>
    Afternoon = 2,

    /// <summary>Starting 17:00 to before 21:00.</summary>
    Evening = 4,
}

/// <summary>A clinic-local time range an appointment may start in: from <see cref="From"/> up to, not including, <see cref="To"/>.</summary>
public readonly record struct TimeOfDayRange(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly localStart) => localStart >= From && localStart < To;

    public override string ToString() => $"{From:HH\\:mm}-{To:HH\\:mm}";
}

/// <summary>
/// When a patient can come: named parts of the day and explicit ranges, in the clinic's time; an appointment matches when
/// it starts inside one of them. Neither given means any time the clinic works.
/// </summary>
public sealed record PreferredTimes
{
    public const int MaxRanges = 6;

    public static readonly TimeOfDayRange Morning = new(new TimeOnly(6, 0), new TimeOnly(12, 0));
    public static readonly TimeOfDayRange Afternoon = new(new TimeOnly(12, 0), new TimeOnly(17, 0));
    public static readonly TimeOfDayRange Evening = new(new TimeOnly(17, 0), new TimeOnly(21, 0));

    public PreferredTimes(PartsOfDay parts, IReadOnlyList<TimeOfDayRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count > MaxRanges || ranges.Any(r => r.From >= r.To))
        {
            throw new ArgumentException($"At most {MaxRanges} ranges, each ending after it starts.", nameof(ranges));
        }

        Parts = parts;
        Ranges = [.. ranges.OrderBy(r => r.From)];
    }

    public static PreferredTimes AnyTime { get; } = new(PartsOfDay.None, []);

    public PartsOfDay Parts { get; }

    public IReadOnlyList<TimeOfDayRange> Ranges { get; }

    public bool IsAnyTime => Parts == PartsOfDay.None && Ranges.Count == 0;

    public bool Contains(TimeOnly localStart) => IsAnyTime || AllRanges().Any(r => r.Contains(localStart));

    /// <summary>The ranges as stored: <c>HH:mm-HH:mm</c> separated by commas.</summary>
    public string RangesText => string.Join(',', Ranges.Select(r => r.ToString()));

    public static IReadOnlyList<TimeOfDayRange> ParseRanges(string text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. text.Split(',').Select(r => r.Split('-')).Select(p => new TimeOfDayRange(TimeOnly.ParseExact(p[0], "HH:mm", null), TimeOnly.ParseExact(p[1], "HH:mm", null)))];

    public bool Equals(PreferredTimes? other) => other is not null && Parts == other.Parts && Ranges.SequenceEqual(other.Ranges);

    public override int GetHashCode() => HashCode.Combine(Parts, RangesText);

    private IEnumerable<TimeOfDayRange> AllRanges()
    {
        if (Parts.HasFlag(PartsOfDay.Morning))
        {
            yield return Morning;
        }

        if (Parts.HasFlag(PartsOfDay.Afternoon))
        {
            yield return Afternoon;
        }

        if (Parts.HasFlag(PartsOfDay.Evening))
        {
            yield return Evening;
        }

        foreach (var range in Ranges)
        {
            yield return range;
        }
    }
}
