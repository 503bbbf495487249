using System.Security.Cryptography;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Webhooks;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Webhooks;

/// <summary>A new webhook subscription with its signing secret, shown this once.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The event types it receives.</param>
/// <param name="Description">What it is for.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="CreatedByUserId">The staff account that created it, when one did.</param>
/// <param name="CreatedByClientId">The integration client that created it, when one did: only it (and an Admin) sees and manages it.</param>
/// <param name="Secret">The signing secret: store it now, it is never shown again. Deliveries are signed as Standard Webhooks specifies: <c>Webhook-Signature</c> is <c>v1,</c> and the base64 HMAC-SHA256 of <c>{Webhook-Id}.{Webhook-Timestamp}.{body}</c>, keyed with the bytes whose base64 follows <c>whsec_</c>; a Standard Webhooks library verifies it with this secret as it stands.</param>
public sealed record CreatedWebhookSubscriptionDto(Guid Id, string Url, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt, Guid? CreatedByUserId, Guid? CreatedByClientId, string Secret);

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

        // The Standard Webhooks secret format: whsec_ and the base64 key (WebhookSender signs with it).
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var subscription = WebhookSubscription.Create(url, request.Events, request.Description, secrets.Protect(secret), user.ClientId is null ? user.UserId : null, user.ClientId,
            clock.GetUtcNow().UtcDateTime);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var dto = WebhookSubscriptionDto.From(subscription);
        return new CreatedWebhookSubscriptionDto(dto.Id, dto.Url, dto.Events, dto.Description, dto.CreatedAt, dto.CreatedByUserId, dto.CreatedByClientId, secret);
    }
}
