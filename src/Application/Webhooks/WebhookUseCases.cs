using System.Security.Cryptography;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

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

/// <summary>A new webhook subscription with its signing secret, shown this once.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The event types it receives.</param>
/// <param name="Description">What it is for.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="Secret">The signing secret: store it now, it is never shown again. <c>Webhook-Signature</c> is <c>v1=</c> and the hex HMAC-SHA256, keyed with this string's UTF-8 bytes, of <c>{Webhook-Timestamp}.{body}</c>.</param>
public sealed record CreatedWebhookSubscriptionDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt, string Secret);

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
    IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>Subscribes a URL to events.</summary>
/// <param name="Url">An https URL (http only in Development) on a public address.</param>
/// <param name="Events">One or more of the event types (see the README).</param>
/// <param name="Description">What it is for, up to 500 characters.</param>
public sealed record CreateWebhookSubscriptionCommand(string Url, IReadOnlyList<string> Events, string? Description) : IRequest<CreatedWebhookSubscriptionDto>;

public sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscriptionCommand>
{
    public CreateWebhookSubscriptionValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0)
            .WithMessage("The URL must be an absolute http(s) URL without credentials.");
        RuleFor(c => c.Events).NotEmpty().Must(events => events.Count <= WebhookEventTypes.All.Count * 2)
            .WithMessage("Too many event types.");
        RuleForEach(c => c.Events).NotEmpty().Must(type => WebhookEventTypes.All.Contains(type))
            .WithMessage($"Unknown event type. Known: {string.Join(", ", WebhookEventTypes.All)}.");
        RuleFor(c => c.Description).MaximumLength(WebhookSubscription.DescriptionMaxLength);
    }
}

public sealed class CreateWebhookSubscriptionHandler(
    IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IWebhookTargetPolicy targets, IWebhookSecretProtector secrets)
    : IRequestHandler<CreateWebhookSubscriptionCommand, CreatedWebhookSubscriptionDto>
{
    public async Task<CreatedWebhookSubscriptionDto> Handle(CreateWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var url = new Uri(request.Url, UriKind.Absolute);
        if (await targets.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            throw new UnprocessableRequestException("webhook.target-not-allowed", refusal);
        }

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var subscription = WebhookSubscription.Create(url, request.Events, request.Description, secrets.Protect(secret), user.UserId, clock.GetUtcNow().UtcDateTime);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var dto = WebhookSubscriptionDto.From(subscription);
        return new CreatedWebhookSubscriptionDto(dto.Id, dto.Url, dto.Events, dto.Description, dto.CreatedAt, secret);
    }
}

/// <summary>Every webhook subscription that is not deleted, oldest first.</summary>
public sealed record ListWebhookSubscriptionsQuery : IRequest<IReadOnlyList<WebhookSubscriptionDto>>;

public sealed class ListWebhookSubscriptionsHandler(IApplicationDbContext db) : IRequestHandler<ListWebhookSubscriptionsQuery, IReadOnlyList<WebhookSubscriptionDto>>
{
    public async Task<IReadOnlyList<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.DeletedAtUtc == null).OrderBy(s => s.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return subscriptions.Select(WebhookSubscriptionDto.From).ToList();
    }
}

/// <summary>One webhook subscription.</summary>
public sealed record GetWebhookSubscriptionQuery(Guid Id) : IRequest<WebhookSubscriptionDto>;

public sealed class GetWebhookSubscriptionHandler(IApplicationDbContext db) : IRequestHandler<GetWebhookSubscriptionQuery, WebhookSubscriptionDto>
{
    public async Task<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionQuery request, CancellationToken cancellationToken)
    {
        return WebhookSubscriptionDto.From(await db.ActiveSubscriptionAsync(request.Id, tracked: false, cancellationToken));
    }
}

/// <summary>Deletes a subscription: nothing more is sent to it (pending deliveries are cancelled when next due), its delivery log stays.</summary>
public sealed record DeleteWebhookSubscriptionCommand(Guid Id) : IRequest;

public sealed class DeleteWebhookSubscriptionHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<DeleteWebhookSubscriptionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.ActiveSubscriptionAsync(request.Id, tracked: true, cancellationToken);
        subscription.Delete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The subscription's delivery log, newest first, with every attempt.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, int Page = 1, int PageSize = PagedList.DefaultPageSize) : IRequest<PagedList<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList.MaxPageSize);
    }
}

public sealed class ListWebhookDeliveriesHandler(IApplicationDbContext db) : IRequestHandler<ListWebhookDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async Task<PagedList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        await db.ActiveSubscriptionAsync(request.SubscriptionId, tracked: false, cancellationToken);
        var deliveries = await PagedList.CreateAsync(
            db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == request.SubscriptionId).OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id),
            request.Page, request.PageSize, cancellationToken);
        var ids = deliveries.Items.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookDeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        var items = deliveries.Items.Select(d => ToDto(d, attempts[d.Id])).ToList();
        return new PagedList<WebhookDeliveryDto>(items, deliveries.Page, deliveries.PageSize, deliveries.TotalCount);
    }

    internal static WebhookDeliveryDto ToDto(WebhookDelivery d, IEnumerable<WebhookDeliveryAttempt> attempts) => new(
        d.Id, d.EventId, d.EventType, d.Status, new DateTimeOffset(d.CreatedAtUtc),
        d.Status == WebhookDeliveryStatus.Pending ? new DateTimeOffset(d.NextAttemptAtUtc) : null,
        d.DeliveredAtUtc is { } delivered ? new DateTimeOffset(delivered) : null,
        attempts.Select(a => new WebhookAttemptDto(new DateTimeOffset(a.AttemptedAtUtc), a.StatusCode, a.Error, a.DurationMs, a.Succeeded)).ToList());
}

/// <summary>Sends a delivery's event again, with the same event id, at once and with a fresh set of retries.</summary>
public sealed record RedeliverWebhookCommand(Guid SubscriptionId, Guid DeliveryId) : IRequest<WebhookDeliveryDto>;

public sealed class RedeliverWebhookHandler(IApplicationDbContext db, TimeProvider clock, IWebhookDispatchSignal dispatch)
    : IRequestHandler<RedeliverWebhookCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RedeliverWebhookCommand request, CancellationToken cancellationToken)
    {
        await db.ActiveSubscriptionAsync(request.SubscriptionId, tracked: false, cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == request.DeliveryId && d.SubscriptionId == request.SubscriptionId, cancellationToken)
             ?? throw new NotFoundException("Webhook delivery", request.DeliveryId);
        delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.Wake();
        var attempts = await db.WebhookDeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return ListWebhookDeliveriesHandler.ToDto(delivery, attempts);
    }
}

internal static class WebhookQueries
{
    public static async Task<WebhookSubscription> ActiveSubscriptionAsync(this IApplicationDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var subscriptions = tracked ? db.WebhookSubscriptions : db.WebhookSubscriptions.AsNoTracking();
        return await subscriptions.SingleOrDefaultAsync(s => s.Id == id && s.DeletedAtUtc == null, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", id);
    }
}
