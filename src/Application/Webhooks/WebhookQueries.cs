using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

/// <summary>The subscription reads the webhook use cases share.</summary>
internal static class WebhookQueries
{
    /// <summary>A subscription the caller may see (<see cref="WebhookAccess.VisibleTo"/>) and that is not deleted; otherwise 404.</summary>
    public static async Task<WebhookSubscription> ActiveSubscriptionAsync(
        this IApplicationDbContext db, ICurrentUser caller, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var subscriptions = tracked ? db.WebhookSubscriptions : db.WebhookSubscriptions.AsNoTracking();
        return await subscriptions.VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id && s.DeletedAtUtc == null, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", id);
    }
}
