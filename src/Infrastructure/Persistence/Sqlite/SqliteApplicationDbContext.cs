using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

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
    /// connections rose). So this process queues its writers, asynchronously, one queue per database file, and syncs
    /// their commits as a group (<see cref="SqliteWriter"/>); other processes on the same file still meet at SQLite's lock
    /// (busy_timeout, see <see cref="SqliteConnectionSettings"/>).
    /// </summary>
    private static readonly ConcurrentDictionary<string, SqliteWriter> Writers = new(StringComparer.Ordinal);

    protected override async ValueTask<IAsyncDisposable?> EnterWriterAsync(CancellationToken cancellationToken) =>
        await Writers.GetOrAdd(Database.GetConnectionString() ?? "", SqliteWriter.For)
            .EnterAsync(Database, this.GetService<IOptions<DatabaseOptions>>().Value.SqliteDurability, cancellationToken);

    protected override bool IsUniqueConstraintViolation(DbUpdateException exception) =>
        exception?.InnerException is Microsoft.Data.Sqlite.SqliteException
        {
            SqliteErrorCode: SqliteConstraint,
            SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        };
}
