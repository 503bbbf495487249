using System.Threading.Channels;
using ClinicHip.Infrastructure.Telemetry;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using ClinicHip.Domain.Auditing;

namespace ClinicHip.Infrastructure.Auditing;

/// <summary>
/// Writes audit records with group commit: concurrent requests hand their records to one writer, which saves
/// everything waiting in a single transaction and then releases every request in that batch. A request still does not
/// answer before its records are committed (nothing is served unaudited, even if the process dies a moment later),
/// but a hundred concurrent reads cost one commit instead of a hundred competing for SQLite's single writer.
/// The writer uses a context of its own, so a request's unsaved or failed changes never ride along, and inserts the
/// batch with multi-row statements rather than SaveChanges (<see cref="AuditRecordInsert"/>).
/// </summary>
internal sealed class AuditTrail : IAuditTrail, IAsyncDisposable
{
    private const int MaxRecordsPerBatch = 1_000;

    private readonly IServiceScopeFactory scopes;
    private readonly Channel<PendingRecords> queue = Channel.CreateBounded<PendingRecords>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Task writer;

    // Built from the model on the first batch; only the writer task touches it.
    private AuditRecordInsert? insert;

    public AuditTrail(IServiceScopeFactory scopes, ClinicMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        this.scopes = scopes;
        metrics.ObserveAuditQueue(() => queue.Reader.Count);

        // The writer outlives the request that happened to create it: it must not carry that request's context.
        using (ExecutionContext.SuppressFlow())
        {
            writer = Task.Run(WriteBatchesAsync);
        }
    }

    public async Task RecordAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var pending = new PendingRecords(records);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Committed.Task;
    }

    /// <summary>Stops taking records and waits until the ones already handed over are written.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingRecords>();
        while (await queue.Reader.WaitToReadAsync())
        {
            var count = 0;
            while (count < MaxRecordsPerBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                count += pending.Records.Count;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                var statement = insert ??= AuditRecordInsert.For(db);
                var records = batch.SelectMany(p => p.Records).ToList();
                await db.WriteOutsideTrackingAsync((connection, transaction, ct) => statement.WriteAsync(connection, transaction, records, ct), CancellationToken.None);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
#pragma warning disable CA1031 // Whatever failed the write fails every request that waited on it; the writer carries on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Committed.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    private sealed record PendingRecords(IReadOnlyList<AuditRecord> Records)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
