namespace ClinicHip.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, raised by the aggregate itself as it changes. The persistence layer
/// turns each into an outbox row in the same save as the change, so an event exists if and only if the change does.
/// </summary>
public interface IDomainEvent
{
    DateTime OccurredAtUtc { get; }
}
