using System.Text.Json;
using ClinicHip.Application.BulkExport;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.BulkExport;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Api.Fhir.BulkExport;

/// <summary>
/// Runs accepted bulk exports in the background (docs/decisions/0033). A job is claimed with a lease — one UPDATE that
/// takes it only while no live lease holds it, as the outbox claims its rows — so on several instances it runs once; the
/// lease is renewed with every batch, and an instance that stops lets another start the job again once it lapses. Rows
/// are read in keyset batches and written as NDJSON through a file stream, so memory holds one batch whatever the size.
/// Expired and cancelled jobs lose their files here.
/// </summary>
internal sealed partial class BulkExportWorker(
    IServiceScopeFactory scopes, BulkExportSignal signal, IBulkExportFiles files, IOptions<BulkExportOptions> options, TimeProvider clock,
    ILogger<BulkExportWorker> logger) : BackgroundService
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string instance = InstanceName();

    private BulkExportOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RemoveExpiredAsync(stoppingToken);
                while (await ClaimAsync(stoppingToken) is { } claim)
                {
                    await RunAsync(claim.JobId, claim.Lease, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker outlives any one failure (a locked database, a full disk): log it and poll again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                WorkerFailed(logger, exception);
            }

            try
            {
                await signal.WaitAsync(Options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The oldest accepted job no live lease holds (a running one whose instance stopped included), now this instance's.</summary>
    private async Task<(Guid JobId, string Lease)?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var now = Now;
        var candidate = await db.BulkExportJobs.AsNoTracking()
            .Where(j => (j.Status == BulkExportStatus.Pending || j.Status == BulkExportStatus.Running) && (j.LeasedUntilUtc == null || j.LeasedUntilUtc < now))
            .OrderBy(j => j.RequestedAtUtc).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (candidate is not { } id)
        {
            return null;
        }

        var lease = $"{instance}/{Guid.NewGuid():N}";
        var leasedUntil = now + Options.LeaseDuration;
        var claimed = await db.InTransactionAsync(token => db.BulkExportJobs
            .Where(j => j.Id == id && (j.Status == BulkExportStatus.Pending || j.Status == BulkExportStatus.Running)
                && (j.LeasedUntilUtc == null || j.LeasedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, BulkExportStatus.Running).SetProperty(j => j.LeaseOwner, lease)
                .SetProperty(j => j.LeasedUntilUtc, leasedUntil).SetProperty(j => j.Progress, "Starting"), token), cancellationToken);
        return claimed == 1 ? (id, lease) : null;
    }

    private async Task RunAsync(Guid jobId, string lease, CancellationToken cancellationToken)
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

                    if (!await RenewAsync(db, jobId, lease, $"{progress}: {output.Count} written", cancellationToken))
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
            await FinishAsync(db, jobId, lease, j => j.Fail(exception.GetType().Name, Now, Options.Retention), cancellationToken);
            return;
        }

        if (!await FinishAsync(db, jobId, lease, j => j.Complete(BulkExportJobDto.OutputJson(written), Now, Options.Retention), cancellationToken))
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

    /// <summary>Extends the lease and records the progress; false when the job was cancelled or another instance holds it now.</summary>
    private async Task<bool> RenewAsync(IApplicationDbContext db, Guid jobId, string lease, string progress, CancellationToken cancellationToken)
    {
        var leasedUntil = Now + Options.LeaseDuration;
        return await db.InTransactionAsync(token => db.BulkExportJobs
            .Where(j => j.Id == jobId && j.LeaseOwner == lease && j.Status == BulkExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntilUtc, leasedUntil).SetProperty(j => j.Progress, progress), token), cancellationToken) == 1;
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
        var expired = await db.BulkExportJobs.AsNoTracking().Where(j => j.ExpiresAtUtc != null && j.ExpiresAtUtc <= now).Select(j => j.Id)
            .Take(100).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }

        expired.ForEach(files.Delete);
        await db.InTransactionAsync(token => db.BulkExportJobs.Where(j => expired.Contains(j.Id) && j.ExpiresAtUtc <= now).ExecuteDeleteAsync(token), cancellationToken);
    }

    private static string InstanceName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        return name.Length > 64 ? name[^64..] : name;
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

/// <summary>Wakes this instance's export worker when an export is accepted here, instead of at its next poll.</summary>
public sealed class BulkExportSignal : IBulkExportSignal, IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void JobAccepted()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another kick-off woke it at the same moment.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
