using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

internal static class WebhookSubscriptionLoader
{
    public static async Task<WebhookSubscription> ActiveSubscriptionAsync(this IApplicationDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var subscriptions = tracked ? db.WebhookSubscriptions : db.WebhookSubscriptions.AsNoTracking();
        return await subscriptions.SingleOrDefaultAsync(s => s.Id == id && s.DeletedAtUtc == null, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", id);
    }
}
