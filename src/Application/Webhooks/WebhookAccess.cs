using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Webhooks;

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
}
