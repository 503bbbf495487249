using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ClinicHip.Infrastructure.Persistence.Sqlite;

/// <summary>
/// This process's writer to one SQLite file: a queue of writers (one at a time, waiting without holding a thread), and
/// a group sync of the write-ahead log (docs/decisions/0038).
/// <para>
/// With <c>synchronous=FULL</c> every commit is written and then synced (fsync) while it holds SQLite's single write
/// lock, so writers queue behind one another's syncs: a booking's commit was mostly its sync. Instead, a writer's turn
/// commits with <c>synchronous=NORMAL</c> (the log is written, not synced), hands the lock on, and then waits until one
/// sync of the log covers its commit. Every commit that ended while the previous sync ran shares the next one, so a
/// rush of bookings costs a few syncs instead of one each, and no writer returns before its commit is on disk: what was
/// answered survives a power cut, as with <c>FULL</c>. The log is appended in order, so syncing the file covers every
/// commit written to it before; a log already checkpointed away was synced into the database file by SQLite itself.
/// </para>
/// Only in write-ahead-log mode (the database's, see DatabaseInitialiser): in rollback-journal mode NORMAL would change
/// what a power cut can do, so there a turn keeps FULL.
/// </summary>
#pragma warning disable CA1001 // One per database file for the life of the process (SqliteApplicationDbContext's table): never released.
internal sealed class SqliteWriter(string? walPath)
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Channel<TaskCompletionSource> awaitingSync = Channel.CreateUnbounded<TaskCompletionSource>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock startLock = new();
    private Task? syncer;

    /// <summary>Known once a turn has seen the file in write-ahead-log mode, which persists in the file.</summary>
    private volatile bool walConfirmed;

    /// <summary>The writer for a database: a file's has a log to sync, an in-memory database's none.</summary>
    public static SqliteWriter For(string connectionString) =>
        new(new SqliteConnectionStringBuilder(connectionString) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } path } && path != ":memory:"
            ? Path.GetFullPath(path) + "-wal" : null);

    /// <summary>
    /// Waits for this process's turn to write, and sets the connection to commit without syncing where the log is synced
    /// as a group (a file in write-ahead-log mode, configured to sync every commit). Leaving the turn sets it back, hands
    /// the turn on and waits until the turn's commits are durable.
    /// </summary>
    public async Task<IAsyncDisposable> EnterAsync(DatabaseFacade database, SqliteDurability durability, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Opened through EF, so a new connection gets its settings first (SqliteConnectionSettings), and kept open for the turn.
            await database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)database.GetDbConnection();
            var deferSync = durability == SqliteDurability.Full && walPath is not null
                && (walConfirmed || (walConfirmed = await ScalarAsync(connection, "PRAGMA journal_mode;", cancellationToken) is "wal"));
            if (deferSync)
            {
                await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL;", cancellationToken);
            }

            return new Turn(this, database, deferSync);
        }
        catch
        {
            await database.CloseConnectionAsync();
            gate.Release();
            throw;
        }
    }

    /// <summary>Completes once a sync of the log that began after this call has finished.</summary>
    private Task SyncedAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        awaitingSync.Writer.TryWrite(waiter);
        if (syncer is null)
        {
            lock (startLock)
            {
                // The syncer outlives the writer that happened to start it: it must not carry that request's context.
                using (ExecutionContext.SuppressFlow())
                {
                    syncer ??= Task.Run(SyncAsync);
                }
            }
        }

        return waiter.Task;
    }

    private async Task SyncAsync()
    {
        var batch = new List<TaskCompletionSource>();
        while (await awaitingSync.Reader.WaitToReadAsync())
        {
            // Everyone here committed before asking, so this sync covers them all; later arrivals wait for the next.
            while (awaitingSync.Reader.TryRead(out var waiter))
            {
                batch.Add(waiter);
            }

            try
            {
                SyncLog();
                batch.ForEach(w => w.TrySetResult());
            }
#pragma warning disable CA1031 // A failed sync fails every writer that waited on it (their requests answer 500); the syncer carries on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                batch.ForEach(w => w.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Syncs the log. Where there is none, the last connection checkpointed it into the database file, synced it and
    /// removed it; but where the database file is missing too, the path is wrong, and the waiting writers fail rather
    /// than pass unsynced.
    /// </summary>
    private void SyncLog()
    {
        try
        {
            // SQLite locks the log's index (-shm) and the database file, never the log itself, so opening and closing
            // the log here cannot drop one of SQLite's locks (closing any descriptor of a file drops the process's locks on it).
            using var log = File.OpenHandle(walPath!, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(log);
        }
        catch (FileNotFoundException) when (File.Exists(walPath![..^"-wal".Length]))
        {
            // Checkpointed and removed: the commits are in the synced database file.
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Turn(SqliteWriter writer, DatabaseFacade database, bool deferredSync) : IAsyncDisposable
    {
        private int left;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref left, 1) == 1)
            {
                return;
            }

            try
            {
                if (deferredSync)
                {
                    await RestoreFullSyncAsync();
                }
            }
            finally
            {
                await database.CloseConnectionAsync();
                writer.gate.Release();
            }

            if (deferredSync)
            {
                await writer.SyncedAsync();
            }
        }

        private async Task RestoreFullSyncAsync()
        {
            var connection = (SqliteConnection)database.GetDbConnection();
            try
            {
                await ExecuteAsync(connection, "PRAGMA synchronous=FULL;", CancellationToken.None);
            }
            catch (SqliteException)
            {
                // A pooled connection left committing without syncing would make the next write outside a turn unsafe.
                SqliteConnection.ClearPool(connection);
                throw;
            }
        }
    }
}
