using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Webhooks;

/// <summary>One webhook subscription.</summary>
public sealed record GetWebhookSubscriptionQuery(Guid Id) : IRequest<WebhookSubscriptionDto>;

public sealed class GetWebhookSubscriptionHandler(IApplicationDbContext db, ICurrentUser caller) : IRequestHandler<GetWebhookSubscriptionQuery, WebhookSubscriptionDto>
{
    public async Task<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionQuery request, CancellationToken cancellationToken)
    {
        return WebhookSubscriptionDto.From(await db.ActiveSubscriptionAsync(caller, request.Id, tracked: false, cancellationToken));
    }
}
