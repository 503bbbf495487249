using System.Globalization;

namespace ClinicHip.Domain.Waitlist;

/// <summary>The named parts of a clinic-local day a patient can ask for.</summary>
public enum PartOfDay
{
    /// <summary>Starting 06:00 to before 12:00.</summary>
    Morning,

    /// <summary>Starting 12:00 to before 17:00.</summary>
    Afternoon,

    /// <summary>Starting 17:00 to before 21:00.</summary>
    Evening,
}

/// <summary>A clinic-local time range an appointment may start in: from <see cref="From"/> up to, not including, <see cref="To"/>.</summary>
public readonly record struct TimeOfDayRange(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly localStart) => localStart >= From && localStart < To;

    public override string ToString() => $"{From.ToString("HH:mm", CultureInfo.InvariantCulture)}-{To.ToString("HH:mm", CultureInfo.InvariantCulture)}";
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

    public PreferredTimes(IEnumerable<PartOfDay> parts, IReadOnlyList<TimeOfDayRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count > MaxRanges || ranges.Any(r => r.From >= r.To))
        {
            throw new ArgumentException($"At most {MaxRanges} ranges, each ending after it starts.", nameof(ranges));
        }

        Parts = [.. parts.Distinct().Order()];
        Ranges = [.. ranges.OrderBy(r => r.From)];
    }

    public static PreferredTimes AnyTime { get; } = new([], []);

    public IReadOnlyList<PartOfDay> Parts { get; }

    public IReadOnlyList<TimeOfDayRange> Ranges { get; }

    public bool IsAnyTime => Parts.Count == 0 && Ranges.Count == 0;

    public bool Contains(TimeOnly localStart) => IsAnyTime || AllRanges().Any(r => r.Contains(localStart));

    /// <summary>As stored: the parts, a bar, the ranges (<c>Morning,Evening|07:00-09:00</c>).</summary>
    public override string ToString() => $"{string.Join(',', Parts)}|{string.Join(',', Ranges.Select(r => r.ToString()))}";

    public static PreferredTimes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (parts, ranges) = (text[..text.IndexOf('|', StringComparison.Ordinal)], text[(text.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        return new PreferredTimes(
            parts.Length == 0 ? [] : parts.Split(',').Select(Enum.Parse<PartOfDay>),
            ranges.Length == 0 ? [] : [.. ranges.Split(',').Select(r => r.Split('-'))
                .Select(p => new TimeOfDayRange(TimeOnly.ParseExact(p[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(p[1], "HH:mm", CultureInfo.InvariantCulture)))]);
    }

    public bool Equals(PreferredTimes? other) => other is not null && Parts.SequenceEqual(other.Parts) && Ranges.SequenceEqual(other.Ranges);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private IEnumerable<TimeOfDayRange> AllRanges()
    {
        foreach (var part in Parts)
        {
            yield return part switch
            {
                PartOfDay.Morning => Morning,
                PartOfDay.Afternoon => Afternoon,
                _ => Evening,
            };
        }

        foreach (var range in Ranges)
        {
            yield return range;
        }
    }
}
