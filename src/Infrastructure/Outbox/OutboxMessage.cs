using ClinicHip.Domain.Common;

namespace ClinicHip.Infrastructure.Outbox;

public enum OutboxMessageKind
{
    /// <summary>An event for webhook subscriptions, due when it happened.</summary>
    Event,

    /// <summary>A message the notification sender sends when due: an appointment reminder, a review alert, an invitation.</summary>
    Reminder,
}

public enum OutboxMessageStatus
{
    Pending,

    /// <summary>Fanned out to its subscriptions, or the reminder was sent (or no longer applied).</summary>
    Processed,

    /// <summary>A reminder whose appointment was cancelled or moved.</summary>
    Cancelled,

    /// <summary>A reminder that could not be sent after every retry.</summary>
    Failed,
}

/// <summary>
/// Work written in the same save as the change that caused it (docs/decisions/0010): an event, or a reminder due later.
/// A background dispatcher claims due rows with a lease and processes each once.
/// </summary>
public sealed class OutboxMessage : ILeasedRow
{
    public const int TypeMaxLength = 64;

    /// <summary>A version 00 <c>traceparent</c>: 2 + 32 + 16 + 2 hex digits and three dashes.</summary>
    public const int TraceParentMaxLength = 55;

    public Guid Id { get; init; }

    public OutboxMessageKind Kind { get; init; }

    /// <summary>The event type (e.g. <c>appointment.booked</c>) or <c>appointment.reminder</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The JSON sent to receivers (events) or read by the reminder (ids and times only).</summary>
    public required string PayloadJson { get; init; }

    /// <summary>The resource it is about (an appointment for reminders), so pending reminders can be found and cancelled.</summary>
    public Guid ResourceId { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the request that wrote it, if it was traced: the work it causes later
    /// (a webhook delivery) links its span to that request's.
    /// </summary>
    public string? TraceParent { get; init; }

    public DateTime DueAtUtc { get; set; }

    public OutboxMessageStatus Status { get; set; }

    public int FailuresInARow { get; set; }

    public string? LastError { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeasedUntilUtc { get; set; }

    public void Complete(OutboxMessageStatus status, DateTime nowUtc)
    {
        Status = status;
        ProcessedAtUtc = nowUtc;
        LeaseOwner = null;
        LeasedUntilUtc = null;
    }

    public void RecordFailure(string error, DateTime nowUtc, TimeSpan? retryAfter)
    {
        FailuresInARow++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (retryAfter is { } delay)
        {
            DueAtUtc = nowUtc + delay;
            LeaseOwner = null;
            LeasedUntilUtc = null;
        }
        else
        {
            Complete(OutboxMessageStatus.Failed, nowUtc);
        }
    }
}
