using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

/// <summary>Sends a delivery's event again, with the same event id, at once and with a fresh set of retries.</summary>
public sealed record RedeliverWebhookCommand(Guid SubscriptionId, Guid DeliveryId) : IRequest<WebhookDeliveryDto>;

public sealed class RedeliverWebhookHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock, IWebhookDispatchSignal dispatch)
    : IRequestHandler<RedeliverWebhookCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RedeliverWebhookCommand request, CancellationToken cancellationToken)
    {
        await db.ActiveSubscriptionAsync(caller, request.SubscriptionId, tracked: false, cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == request.DeliveryId && d.SubscriptionId == request.SubscriptionId, cancellationToken)
             ?? throw new NotFoundException("Webhook delivery", request.DeliveryId);
        delivery.Redeliver(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.Wake();
        var attempts = await db.WebhookDeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return WebhookDeliveryDto.From(delivery, attempts);
    }
}
