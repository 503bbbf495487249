using ClinicHip.Domain.Webhooks;

namespace ClinicHip.Application.Webhooks;

/// <summary>One try at a delivery.</summary>
/// <param name="AttemptedAt">When (UTC).</param>
/// <param name="StatusCode">The receiver's HTTP status; null when it could not be reached.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="DurationMs">How long the try took.</param>
/// <param name="Succeeded">Whether the receiver answered 2xx.</param>
public sealed record WebhookAttemptDto(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs, bool Succeeded);

/// <summary>An event's delivery to the subscription, with its attempts (oldest first).</summary>
/// <param name="Id">The delivery.</param>
/// <param name="EventId">The event, sent as <c>Webhook-Id</c> on every attempt.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Status">Pending, Delivered, Failed or Cancelled.</param>
/// <param name="CreatedAt">When it was queued (UTC).</param>
/// <param name="NextAttemptAt">When it is tried next, while pending.</param>
/// <param name="DeliveredAt">When the receiver accepted it.</param>
/// <param name="Attempts">Every try, oldest first.</param>
public sealed record WebhookDeliveryDto(
    Guid Id, Guid EventId, string EventType, WebhookDeliveryStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttemptDto> Attempts)
{
    internal static WebhookDeliveryDto From(WebhookDelivery d, IEnumerable<WebhookDeliveryAttempt> attempts) => new(
        d.Id, d.EventId, d.EventType, d.Status, new DateTimeOffset(d.CreatedAtUtc),
        d.Status == WebhookDeliveryStatus.Pending ? new DateTimeOffset(d.NextAttemptAtUtc) : null,
        d.DeliveredAtUtc is { } delivered ? new DateTimeOffset(delivered) : null,
        attempts.Select(a => new WebhookAttemptDto(new DateTimeOffset(a.AttemptedAtUtc), a.StatusCode, a.Error, a.DurationMs, a.Succeeded)).ToList());
}
