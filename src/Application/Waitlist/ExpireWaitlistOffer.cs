using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Waitlist;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>
/// Run by the outbox dispatcher when an offer's hold time is up (its expiry row, claimed with a lease, so one instance runs
/// it): an offer still unanswered lapses and its hold is released, which queues the freed time for the next entry.
/// </summary>
/// <param name="OfferId">The offer.</param>
public sealed record ExpireWaitlistOfferCommand(Guid OfferId) : IRequest<bool>;

public sealed class ExpireWaitlistOfferHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ExpireWaitlistOfferCommand, bool>
{
    public async Task<bool> Handle(ExpireWaitlistOfferCommand request, CancellationToken cancellationToken)
    {
        var offerId = new WaitlistOfferId(request.OfferId);
        var offer = await db.WaitlistOffers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (offer is null || !offer.Lapse(now))
        {
            return false;
        }

        var entry = await db.WaitlistEntries.SingleAsync(e => e.Id == offer.EntryId, cancellationToken);
        entry.OfferMissed(offer.Id);
        await db.ReleaseHoldAsync(offer, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (PreconditionFailedException)
        {
            // Answered in the same moment: the answer stands.
            return false;
        }
    }
}
