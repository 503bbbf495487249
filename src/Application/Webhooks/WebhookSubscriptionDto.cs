using ClinicHip.Domain.Webhooks;

namespace ClinicHip.Application.Webhooks;

/// <summary>A webhook subscription, without its secret.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The event types it receives.</param>
/// <param name="Description">What it is for.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="CreatedByUserId">The staff account that created it, when one did.</param>
/// <param name="CreatedByClientId">The integration client that created it, when one did: only it (and an Admin) sees and manages it.</param>
public sealed record WebhookSubscriptionDto(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt, Guid? CreatedByUserId, Guid? CreatedByClientId)
{
    internal static WebhookSubscriptionDto From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.Description, new DateTimeOffset(s.CreatedAtUtc), s.CreatedByUserId, s.CreatedByClientId);
}
