using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.Sqlite;

/// <summary>The SQLite database, the default. Its migrations are in <c>Sqlite/Migrations</c>.</summary>
public sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// SQLite has one writer at a time, and a waiting writer blocks its thread inside SQLite (the driver is synchronous):
    /// thirty concurrent bookings tied up thirty pool threads and starved the rest (measured: booking throughput fell as
    /// connections rose). So this process queues its writers here, asynchronously, one per database file; other
    /// processes on the same file still meet at SQLite's lock (busy_timeout, see <see cref="SqliteConnectionSettings"/>).
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    protected override async ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken)
    {
        var gate = Writers.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new WriterTurn(gate);
    }

    private sealed class WriterTurn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    protected override bool IsUniqueConstraintViolation(DbUpdateException exception) =>
        exception?.InnerException is Microsoft.Data.Sqlite.SqliteException
        {
            SqliteErrorCode: SqliteConstraint,
            SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        };
}
