using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

/// <summary>The caller's webhook subscriptions (an Admin's: every one) that are not deleted, oldest first.</summary>
public sealed record ListWebhookSubscriptionsQuery : IRequest<IReadOnlyList<WebhookSubscriptionDto>>;

public sealed class ListWebhookSubscriptionsHandler(IApplicationDbContext db, ICurrentUser caller) : IRequestHandler<ListWebhookSubscriptionsQuery, IReadOnlyList<WebhookSubscriptionDto>>
{
    public async Task<IReadOnlyList<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().VisibleTo(caller).Where(s => s.DeletedAtUtc == null).OrderBy(s => s.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return subscriptions.Select(WebhookSubscriptionDto.From).ToList();
    }
}
