using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicHip.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Per-connection SQLite settings, applied each time a (pooled) connection opens.
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds the database locked waits inside SQLite (retrying within a
/// millisecond or two) instead of failing to the driver, whose own retry sleeps 150 ms — under concurrent writes that
/// sleep, not the work, set the latency.</item>
/// <item><c>synchronous</c>: FULL by default, every commit on disk before it is acknowledged, power loss included;
/// NORMAL where configured (see <see cref="DatabaseOptions.SqliteDurability"/>).</item>
/// <item><c>temp_store=MEMORY</c>: sorts and temporary indexes stay off the disk.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteDurability durability) : DbConnectionInterceptor
{
    private readonly string pragmas = $"PRAGMA busy_timeout=10000; PRAGMA synchronous={durability.ToString().ToUpperInvariant()}; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }
}
