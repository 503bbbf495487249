using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling.Rules;

namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// How a course of appointments repeats: every N days, or weekly on given weekdays. Dates are clinic-local, so the
/// occurrences keep their wall-clock time across a daylight-saving change.
/// </summary>
public sealed record SeriesPattern
{
    public const int MaxOccurrences = 52;
    public const int MaxIntervalDays = 365;

    private SeriesPattern(int? everyDays, IReadOnlyList<DayOfWeek> weekdays)
    {
        EveryDays = everyDays;
        Weekdays = weekdays;
    }

    /// <summary>Days between occurrences; null for a weekly pattern.</summary>
    public int? EveryDays { get; }

    /// <summary>The weekdays of a weekly pattern, Sunday first; empty for an every-N-days pattern.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; }

    public static SeriesPattern Every(int days)
    {
        if (days is < 1 or > MaxIntervalDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A series repeats every 1 to {MaxIntervalDays} days.");
        }

        return new SeriesPattern(days, []);
    }

    public static SeriesPattern WeeklyOn(IEnumerable<DayOfWeek> weekdays)
    {
        var days = weekdays.Distinct().Order().ToList();
        if (days.Count == 0 || days.Exists(d => !Enum.IsDefined(d)))
        {
            throw new ArgumentException("A weekly series names at least one weekday.", nameof(weekdays));
        }

        return new SeriesPattern(null, days);
    }

    /// <summary>The pattern stored as <see cref="AppointmentSeries.EveryDays"/> and <see cref="AppointmentSeries.WeekdayMask"/>.</summary>
    public static SeriesPattern FromStored(int? everyDays, int weekdayMask) =>
        everyDays is { } days ? Every(days) : WeeklyOn(Enum.GetValues<DayOfWeek>().Where(d => (weekdayMask & (1 << (int)d)) != 0));

    public int WeekdayMask => Weekdays.Aggregate(0, (mask, day) => mask | (1 << (int)day));

    /// <summary>
    /// The local dates of <paramref name="count"/> occurrences from <paramref name="first"/>: every N days from it, or
    /// the listed weekdays on and after it (a first date on another weekday is not itself an occurrence).
    /// </summary>
    public IReadOnlyList<DateOnly> Dates(DateOnly first, int count)
    {
        var allowed = new SeriesMustHaveAnAllowedNumberOfOccurrencesRule(count);
        if (allowed.IsBroken())
        {
            throw new BusinessRuleViolationException(allowed);
        }

        var dates = new List<DateOnly>(count);
        for (var day = first; dates.Count < count; day = day.AddDays(EveryDays ?? 1))
        {
            if (EveryDays is not null || Weekdays.Contains(day.DayOfWeek))
            {
                dates.Add(day);
            }
        }

        return dates;
    }
}
