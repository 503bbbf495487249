namespace ClinicHip.Domain.Scheduling;

/// <summary>A span of time in UTC, start inclusive, end exclusive.</summary>
public readonly record struct TimeSpanUtc(DateTime Start, DateTime End);

/// <summary>The day sheet's free gaps: working time minus what is busy (appointments with their buffers, time off).</summary>
public static class FreeTime
{
    public static IReadOnlyList<TimeSpanUtc> Gaps(IEnumerable<TimeSpanUtc> working, IEnumerable<TimeSpanUtc> busy)
    {
        var taken = busy.Where(b => b.End > b.Start).OrderBy(b => b.Start).ToList();
        var gaps = new List<TimeSpanUtc>();
        foreach (var interval in working.Where(w => w.End > w.Start).OrderBy(w => w.Start))
        {
            var cursor = interval.Start;
            foreach (var block in taken.Where(b => b.Start < interval.End && b.End > interval.Start))
            {
                if (block.Start > cursor)
                {
                    gaps.Add(new TimeSpanUtc(cursor, block.Start));
                }

                cursor = block.End > cursor ? block.End : cursor;
            }

            if (cursor < interval.End)
            {
                gaps.Add(new TimeSpanUtc(cursor, interval.End));
            }
        }

        return gaps;
    }
}
