using ClinicHip.Application.Common.Exceptions;

namespace ClinicHip.Application.Common.Concurrency;

/// <summary>
/// The optimistic-concurrency check of a versioned resource: a client that read it sends the version back as
/// <c>If-Match</c>, and a change made from a stale read is refused with 412 rather than silently overwriting another's.
/// Without <c>If-Match</c> the change applies to whatever is current, and the save's own version check still catches a race.
/// </summary>
public static class IfMatch
{
    /// <summary>Throws <see cref="PreconditionFailedException"/> when <paramref name="expected"/> is given and is not <paramref name="current"/>.</summary>
    public static void Ensure(Guid? expected, Guid current, string resource)
    {
        if (expected is { } version && version != current)
        {
            throw new PreconditionFailedException(resource);
        }
    }
}
