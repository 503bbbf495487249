namespace ClinicHip.Infrastructure.BackgroundWork;

/// <summary>
/// Wakes one background worker of this instance as soon as work for it is written here, instead of at its next poll.
/// Each worker has its own (a subclass that also implements the Application port which raises it). Other instances'
/// work is found by polling.
/// </summary>
public class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        // One pending wake is enough: the worker takes everything due when it wakes.
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer woke it at the same moment.
            }
        }
    }

    /// <summary>Waits for a wake or the timeout, whichever comes first; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            signal.Dispose();
        }
    }
}
