namespace ClinicHip.Application.Patients;

/// <summary>
/// One page of a patient's record, which is its parts one after another: each part is counted (the total counts them
/// all), and only the rows of the parts the page covers are read, from the part's own position, so a page past a long
/// list of appointments never reads them.
/// </summary>
/// <param name="offset">The position in the whole record where the page starts.</param>
/// <param name="count">At most this many rows on the page.</param>
internal sealed class PatientRecordWindow(int offset, int count)
{
    private int skip = offset;
    private int room = count;

    /// <summary>How many rows the record's parts hold, counted so far.</summary>
    public int Total { get; private set; }

    /// <summary>The rows of a part of <paramref name="partCount"/> rows the page shows, read by <paramref name="read"/> (skip, take) only when it shows any.</summary>
    public async Task<IReadOnlyList<T>> PartAsync<T>(int partCount, Func<int, int, Task<List<T>>> read)
    {
        Total += partCount;
        if (room == 0 || skip >= partCount)
        {
            skip -= Math.Min(skip, partCount);
            return [];
        }

        var take = Math.Min(room, partCount - skip);
        var rows = await read(skip, take);
        (skip, room) = (0, room - take);
        return rows;
    }

    /// <summary>The rows of a part already in memory that the page shows.</summary>
    public Task<IReadOnlyList<T>> PartAsync<T>(IReadOnlyList<T> rows) =>
        PartAsync(rows.Count, (skip, take) => Task.FromResult(rows.Skip(skip).Take(take).ToList()));
}
