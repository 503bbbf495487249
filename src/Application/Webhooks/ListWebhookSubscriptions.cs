using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

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
