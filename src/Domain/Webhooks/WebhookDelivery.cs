using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every retry failed; only a redelivery sends it again.</summary>
    Failed,

    /// <summary>The subscription was deleted before it was delivered.</summary>
    Cancelled,
}

/// <summary>
/// One event on its way to one subscription: retried with back-off until the receiver answers 2xx or the retries
/// run out. The dispatcher that holds its lease is the only one that sends it.
/// </summary>
public sealed class WebhookDelivery : ILeasedRow
{
    public const int ErrorMaxLength = 500;

    private WebhookDelivery()
    {
        EventType = null!;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The event (its outbox row): the same id on every attempt, for the receiver to de-duplicate on.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>Attempts of every kind, for the log.</summary>
    public int AttemptCount { get; private set; }

    /// <summary>Failures since the first attempt or the last redelivery: how far along the back-off it is.</summary>
    public int FailuresInARow { get; private set; }

    public DateTime? DeliveredAtUtc { get; private set; }

    /// <summary>The dispatcher instance (and claim) currently sending it.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeasedUntilUtc { get; private set; }

    public static WebhookDelivery For(WebhookSubscription subscription, Guid eventId, string eventType, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new WebhookDelivery
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = subscription.Id,
            EventId = eventId,
            EventType = eventType,
            Status = WebhookDeliveryStatus.Pending,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        };
    }

    /// <summary>Records an attempt and releases the lease: delivered, retried after <paramref name="retryAfter"/>, or failed for good when none is given.</summary>
    public WebhookDeliveryAttempt RecordAttempt(DateTime attemptedAtUtc, int? statusCode, string? error, TimeSpan duration, Func<int, TimeSpan?> retryAfter)
    {
        ArgumentNullException.ThrowIfNull(retryAfter);
        AttemptCount++;
        var succeeded = statusCode is >= 200 and < 300;
        if (succeeded)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAtUtc = attemptedAtUtc;
            FailuresInARow = 0;
        }
        else
        {
            FailuresInARow++;
            if (retryAfter(FailuresInARow) is { } delay)
            {
                NextAttemptAtUtc = attemptedAtUtc + delay;
            }
            else
            {
                Status = WebhookDeliveryStatus.Failed;
            }
        }

        ReleaseLease();
        return new WebhookDeliveryAttempt
        {
            DeliveryId = Id,
            AttemptedAtUtc = attemptedAtUtc,
            StatusCode = statusCode,
            Error = error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error,
            DurationMs = (int)Math.Round(duration.TotalMilliseconds),
            Succeeded = succeeded,
        };
    }

    /// <summary>Sends the same event (same id) again at once, with a fresh set of retries.</summary>
    public void Redeliver(DateTime nowUtc)
    {
        Status = WebhookDeliveryStatus.Pending;
        FailuresInARow = 0;
        NextAttemptAtUtc = nowUtc;
    }

    public void Cancel()
    {
        Status = WebhookDeliveryStatus.Cancelled;
        ReleaseLease();
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeasedUntilUtc = null;
    }
}

/// <summary>One try at delivering: what the receiver answered (or why there was no answer) and how long it took.</summary>
public sealed class WebhookDeliveryAttempt
{
    public long Id { get; init; }

    public Guid DeliveryId { get; init; }

    public DateTime AttemptedAtUtc { get; init; }

    /// <summary>The receiver's HTTP status, or null when it could not be reached.</summary>
    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public int DurationMs { get; init; }

    public bool Succeeded { get; init; }
}
