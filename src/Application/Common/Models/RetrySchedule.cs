using System.Security.Cryptography;

namespace ClinicHip.Application.Common.Models;

/// <summary>
/// Exponential back-off with jitter for background work (webhook deliveries, reminders): the delay before the next try
/// after the n-th failure in a row, or none once the retries are spent.
/// </summary>
/// <param name="Delays">The delay after the first, second, … failure; one more failure than there are delays gives up.</param>
/// <param name="Jitter">The fraction (0 to 1) each delay is spread by at random, so retries from many rows do not arrive together.</param>
public sealed record RetrySchedule(IReadOnlyList<TimeSpan> Delays, double Jitter)
{
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6),
    ];

    /// <summary>The delay after the <paramref name="failuresInARow"/>-th failure, or null to give up.</summary>
    public TimeSpan? After(int failuresInARow)
    {
        if (failuresInARow < 1 || failuresInARow > Delays.Count)
        {
            return null;
        }

        var delay = Delays[failuresInARow - 1];
        var spread = Math.Clamp(Jitter, 0, 1) * ((RandomNumberGenerator.GetInt32(2001) - 1000) / 1000.0);
        return delay * (1 + spread);
    }
}
