using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

/// <summary>
/// Who sees which subscriptions: an Admin every one, an integration client only those it created, anyone else none.
/// Another's subscription answers 404, as one that does not exist.
/// </summary>
internal static class WebhookAccess
{
    public static IQueryable<WebhookSubscription> VisibleTo(this IQueryable<WebhookSubscription> subscriptions, ICurrentUser caller)
    {
        if (caller.ClientId is { } clientId)
        {
            return subscriptions.Where(s => s.CreatedByClientId == clientId);
        }

        return caller.IsInRole(Roles.Admin) ? subscriptions : subscriptions.Where(_ => false);
    }

    public static async Task<WebhookSubscription> ActiveSubscriptionAsync(
        this IApplicationDbContext db, ICurrentUser caller, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var subscriptions = tracked ? db.WebhookSubscriptions : db.WebhookSubscriptions.AsNoTracking();
        return await subscriptions.VisibleTo(caller).SingleOrDefaultAsync(s => s.Id == id && s.DeletedAtUtc == null, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", id);
    }
}
