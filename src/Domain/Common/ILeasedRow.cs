namespace ClinicHip.Domain.Common;

/// <summary>
/// A row of background work that an instance claims with a lease before processing it (outbox rows, webhook
/// deliveries): owned by <see cref="LeaseOwner"/> until <see cref="LeasedUntilUtc"/>, then free to be claimed again.
/// </summary>
public interface ILeasedRow
{
    Guid Id { get; }

    string? LeaseOwner { get; }

    DateTime? LeasedUntilUtc { get; }
}
