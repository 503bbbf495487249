using System.Text.Json;
using ClinicHip.Application.BulkExport;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.BulkExport;
using ClinicHip.Fhir;
using ClinicHip.Infrastructure.BackgroundWork;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Infrastructure.BulkExport;

/// <summary>
/// Runs accepted bulk exports in the background (docs/decisions/0033), a <see cref="LeasedWorker"/>: a job is claimed with
/// a <see cref="RowLease"/>, so on several instances it runs once; the lease is renewed with every batch, and an instance
/// that stops lets another start the job again once it lapses. Rows are read in keyset batches, mapped by the FHIR
/// representation (ClinicHip.Fhir) and written as NDJSON through a file stream, so memory holds one batch whatever the
/// size. Expired and cancelled jobs lose their files here.
/// </summary>
internal sealed partial class BulkExportWorker(
    IServiceScopeFactory scopes, BulkExportSignal signal, IBulkExportFiles files, IOptions<BulkExportOptions> options, TimeProvider clock,
    ILogger<BulkExportWorker> logger) : LeasedWorker(signal)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private BulkExportOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override TimeSpan PollInterval => Options.PollInterval;

    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await RemoveExpiredAsync(cancellationToken);
        var ran = 0;
        while (await ClaimAsync(cancellationToken) is { } claim)
        {
            try
            {
                await RunAsync(claim.JobId, claim.Lease, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping midway: free the job, so another instance starts it again now rather than when the lease lapses.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
                await claim.Lease.ReleaseAsync(db, db.BulkExportJobs, CancellationToken.None);
                throw;
            }

            ran++;
        }

        return ran;
    }

    protected override void RoundFailed(Exception exception) => WorkerFailed(logger, exception);

    /// <summary>The oldest accepted job no live lease holds (a running one whose instance stopped included), now this instance's.</summary>
    private async Task<(Guid JobId, RowLease Lease)?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var lease = RowLease.New(Options.LeaseDuration);
        var claimed = await lease.ClaimAsync(
            db, db.BulkExportJobs, j => j.Status == BulkExportStatus.Pending || j.Status == BulkExportStatus.Running, j => j.RequestedAtUtc, 1, Now,
            cancellationToken, s => s.SetProperty(j => j.Status, BulkExportStatus.Running).SetProperty(j => j.Progress, "Starting"));
        return claimed is [var id] ? (id, lease) : null;
    }

    private async Task RunAsync(Guid jobId, RowLease lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var job = await db.BulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);

        // A job taken over from a stopped instance starts again from nothing.
        files.Delete(jobId);
        List<BulkExportFileDto> written = [];
        try
        {
            var types = job.TypeList;
            for (var i = 0; i < types.Count; i++)
            {
                var progress = $"{types[i]} ({i + 1} of {types.Count} types)";
                await using var output = new NdjsonFiles(files, jobId, types[i], Options.MaxResourcesPerFile);
                await foreach (var batch in Resources(db, types[i], job.SinceUtc, cancellationToken))
                {
                    foreach (var resource in batch)
                    {
                        await output.WriteAsync(resource, cancellationToken);
                    }

                    var done = $"{progress}: {output.Count} written";
                    if (!await lease.RenewAsync(db, db.BulkExportJobs, jobId, Now, cancellationToken, j => j.Status == BulkExportStatus.Running, s => s.SetProperty(j => j.Progress, done)))
                    {
                        await output.DisposeAsync();
                        files.Delete(jobId);
                        return;
                    }
                }

                await output.DisposeAsync();
                written.AddRange(output.Files);
            }
        }
#pragma warning disable CA1031 // Whatever stops an export (a full disk, a bug in one mapping) fails that job, not the worker.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            ExportFailed(logger, jobId, exception);
            files.Delete(jobId);
            await FinishAsync(db, jobId, lease.Owner, j => j.Fail(exception.GetType().Name, Now, Options.Retention), cancellationToken);
            return;
        }

        if (!await FinishAsync(db, jobId, lease.Owner, j => j.Complete(BulkExportJobDto.OutputJson(written), Now, Options.Retention), cancellationToken))
        {
            files.Delete(jobId);
        }
    }

    /// <summary>The type's resources, batch by batch, as FHIR shows them.</summary>
    private IAsyncEnumerable<IEnumerable<Resource>> Resources(IApplicationDbContext db, string type, DateTime? sinceUtc, CancellationToken cancellationToken) => type switch
    {
        BulkExportTypes.Patient => db.PatientsAsync(sinceUtc, Options.BatchSize, cancellationToken).Select(b => b.Select(p => (Resource)FhirResources.Patient(p))),
        BulkExportTypes.Appointment => db.AppointmentsAsync(sinceUtc, Options.BatchSize, cancellationToken).Select(b => b.Select(a => (Resource)FhirResources.Appointment(a))),
        BulkExportTypes.Practitioner => Once(db.CliniciansAsync(sinceUtc, cancellationToken), c => FhirResources.Practitioner(c)),
        BulkExportTypes.Schedule => Once(db.CliniciansAsync(sinceUtc, cancellationToken), c => FhirResources.Schedule(c)),
        _ => throw new InvalidOperationException($"No export of {type}."),
    };

    private static async IAsyncEnumerable<IEnumerable<Resource>> Once<T>(Task<IReadOnlyList<T>> read, Func<T, Resource> map)
    {
        yield return (await read).Select(map);
    }

    /// <summary>Records the outcome while this instance still holds the job; false when it was cancelled or taken over.</summary>
    private static async Task<bool> FinishAsync(IApplicationDbContext db, Guid jobId, string lease, Action<BulkExportJob> finish, CancellationToken cancellationToken)
    {
        var job = await db.BulkExportJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.LeaseOwner == lease && j.Status == BulkExportStatus.Running, cancellationToken);
        if (job is null)
        {
            return false;
        }

        finish(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Application.Common.Exceptions.PreconditionFailedException)
        {
            return false;
        }
    }

    /// <summary>Deletes the files of cancelled jobs and of jobs kept their time, then the jobs themselves.</summary>
    private async Task RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var now = Now;
        // Longest expired first, so a backlog drains in a stable order batch by batch.
        var expired = await db.BulkExportJobs.AsNoTracking().Where(j => j.ExpiresAtUtc != null && j.ExpiresAtUtc <= now)
            .OrderBy(j => j.ExpiresAtUtc).Select(j => j.Id).Take(100).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }

        expired.ForEach(files.Delete);
        await db.InTransactionAsync(token => db.BulkExportJobs.Where(j => expired.Contains(j.Id) && j.ExpiresAtUtc <= now).ExecuteDeleteAsync(token), cancellationToken);
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "The bulk export worker failed; it polls again")]
    private static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Bulk export {JobId} failed")]
    private static partial void ExportFailed(ILogger logger, Guid jobId, Exception exception);

    /// <summary>One type's NDJSON files: a resource per line, a new file after <c>maxPerFile</c> resources.</summary>
    private sealed class NdjsonFiles(IBulkExportFiles files, Guid jobId, string type, int maxPerFile) : IAsyncDisposable
    {
        private Stream? current;
        private int inCurrent;

        public List<BulkExportFileDto> Files { get; } = [];

        public int Count { get; private set; }

        public async Task WriteAsync(Resource resource, CancellationToken cancellationToken)
        {
            if (current is null || inCurrent == maxPerFile)
            {
                await CloseAsync();
                var name = $"{type}-{Files.Count + 1}.ndjson";
                current = files.Create(jobId, name);
                Files.Add(new BulkExportFileDto(type, name, 0));
                inCurrent = 0;
            }

            await current.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), FhirJson.Options), cancellationToken);
            await current.WriteAsync(NewLine, cancellationToken);
            inCurrent++;
            Count++;
            Files[^1] = Files[^1] with { Count = inCurrent };
        }

        public ValueTask DisposeAsync() => new(CloseAsync());

        private async Task CloseAsync()
        {
            if (current is not null)
            {
                await current.DisposeAsync();
                current = null;
            }
        }
    }
}

/// <summary>Wakes this instance's export worker as soon as an export is accepted here, instead of at its next poll.</summary>
public sealed class BulkExportSignal : WorkSignal, IBulkExportSignal
{
    public void JobAccepted() => Wake();
}
