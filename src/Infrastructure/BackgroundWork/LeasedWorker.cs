using Microsoft.Extensions.Hosting;

namespace ClinicHip.Infrastructure.BackgroundWork;

/// <summary>
/// A background worker that claims rows with a <see cref="RowLease"/> (docs/decisions/0010), so several instances on one
/// database never run the same row at once. It runs a round, then sleeps until its <see cref="WorkSignal"/> or its poll
/// when the round found nothing (at once again when it did: a full claim means more is waiting), always pausing
/// <see cref="BatchWindow"/> so a rush of writes is claimed together. A failed round is reported and the worker polls
/// again: it outlives any one failure (a locked database, a bug in one row).
/// </summary>
public abstract class LeasedWorker(WorkSignal signal) : BackgroundService
{
    /// <summary>How long to sleep when nothing was found and nothing here signalled work.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>How long to let writes gather after each round before the next claim.</summary>
    protected virtual TimeSpan BatchWindow => TimeSpan.Zero;

    /// <summary>Claims and runs what is due; returns how many rows it claimed.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Reports a round that failed (each worker logs under its own event id).</summary>
    protected abstract void RoundFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker outlives any one failure: report it and poll again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                RoundFailed(exception);
                claimed = 0;
            }

            try
            {
                if (claimed == 0)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }

                if (BatchWindow > TimeSpan.Zero)
                {
                    await Task.Delay(BatchWindow, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
