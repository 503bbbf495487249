using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// The settings belong to the native connection, which the driver's pool keeps open across opens of the ADO.NET
/// connection; so they are sent once per native connection, not on every open (every query, every save's writer turn).
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteDurability durability) : DbConnectionInterceptor
{
    private readonly string pragmas = $"PRAGMA busy_timeout=10000; PRAGMA synchronous={durability.ToString().ToUpperInvariant()}; PRAGMA temp_store=MEMORY;";

    /// <summary>The native connections already set; one that is closed for good is collected and leaves the table.</summary>
    private readonly ConditionalWeakTable<object, object> applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        var native = (connection as SqliteConnection)?.Handle;
        if (native is not null && applied.TryGetValue(native, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        if (native is not null)
        {
            applied.AddOrUpdate(native, native);
        }
    }
}
