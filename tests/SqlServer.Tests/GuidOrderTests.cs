using System.Data.SqlTypes;

namespace ClinicHip.SqlServer.Tests;

/// <summary>
/// The premise of docs/decisions/0016: version 7 GUIDs, made in time order, do not sort in time order as SQL Server
/// compares a uniqueidentifier (last six bytes first, as <see cref="SqlGuid"/> does), while they do in the byte order
/// PostgreSQL compares a uuid in.
/// </summary>
public class GuidOrderTests
{
    private const int Count = 100_000;

    [Fact]
    public void Version7Guids_InSqlServerOrder_LandAnywhereInTheIndex()
    {
        var ids = OneAMillisecond();

        var appended = AppendedAtTheEnd(ids.Select(id => new SqlGuid(id)), Comparer<SqlGuid>.Create((a, b) => a.CompareTo(b)));
        TestContext.Current.SendDiagnosticMessage($"SQL Server order: {appended} of {Count} version 7 GUIDs land at the end of the index");

        appended.ShouldBeLessThan(Count / 100);
    }

    [Fact]
    public void Version7Guids_InPostgreSqlOrder_AllLandAtTheEnd()
    {
        var ids = OneAMillisecond();

        var appended = AppendedAtTheEnd(ids, Comparer<Guid>.Create((a, b) => a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true))));
        TestContext.Current.SendDiagnosticMessage($"PostgreSQL order: {appended} of {Count} version 7 GUIDs land at the end of the index");

        appended.ShouldBe(Count);
    }

    /// <summary>Ids made a millisecond apart (within one millisecond the rest of a version 7 GUID is random).</summary>
    private static List<Guid> OneAMillisecond()
    {
        var start = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, Count).Select(i => Guid.CreateVersion7(start.AddMilliseconds(i))).ToList();
    }

    /// <summary>How many of the ids, inserted in the given order, would be the largest key so far (appended to the last page).</summary>
    private static int AppendedAtTheEnd<T>(IEnumerable<T> ids, IComparer<T> order)
    {
        var appended = 0;
        var largest = default(T);
        var first = true;
        foreach (var id in ids)
        {
            if (first || order.Compare(id, largest!) > 0)
            {
                appended++;
                largest = id;
                first = false;
            }
        }

        return appended;
    }
}
