using ClinicHip.Domain.Webhooks;

namespace ClinicHip.Application.Webhooks;

/// <summary>A webhook subscription, without its secret.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The event types it receives.</param>
/// <param name="Description">What it is for.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record WebhookSubscriptionDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt)
{
    internal static WebhookSubscriptionDto From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.Description, new DateTimeOffset(s.CreatedAtUtc));
}
