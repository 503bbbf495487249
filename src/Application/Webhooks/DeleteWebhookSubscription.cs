using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Webhooks;

/// <summary>Deletes a subscription: nothing more is sent to it (pending deliveries are cancelled when next due), its delivery log stays.</summary>
public sealed record DeleteWebhookSubscriptionCommand(Guid Id) : IRequest;

public sealed class DeleteWebhookSubscriptionHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock) : IRequestHandler<DeleteWebhookSubscriptionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var subscription = await db.ActiveSubscriptionAsync(caller, request.Id, tracked: true, cancellationToken);
        subscription.Delete(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
