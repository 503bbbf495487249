using ClinicHip.Application.Common.Interfaces;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>Wakes this instance's dispatcher as soon as a save here wrote outbox work, instead of at its next poll.</summary>
public sealed class OutboxSignal : IWebhookDispatchSignal, IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        // One pending wake is enough: the dispatcher takes everything due when it wakes.
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another save woke it at the same moment.
            }
        }
    }

    /// <summary>Waits for a wake or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}
