using Microsoft.Extensions.Caching.Memory;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>
/// The clinic's free slots per appointment type and window, shared by every caller for a moment: a booking widget asks
/// the same question many times a second, and the answer only changes when the diary does. Keyed by
/// <see cref="DiaryVersion"/>, so this instance's own changes show at once; other instances' within
/// <see cref="Lifetime"/>. A stale slot is never booked twice: booking checks the database (ADR 0005).
/// Bounded by the number of slots held, so odd windows cannot fill the memory.
/// </summary>
public sealed class AvailabilityCache(TimeSpan lifetime) : IDisposable
{
    private const long MaxSlotsHeld = 200_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxSlotsHeld });

    public TimeSpan Lifetime { get; } = lifetime;

    public async Task<T> GetOrComputeAsync<T>(object key, Func<Task<T>> compute, Func<T, int> size)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(size);
        if (Lifetime <= TimeSpan.Zero)
        {
            return await compute().ConfigureAwait(false);
        }

        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await compute().ConfigureAwait(false);
        cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = Math.Max(1, size(value)) });
        return value;
    }

    public void Dispose() => cache.Dispose();
}
