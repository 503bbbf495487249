using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>
/// Turns an offered slot down: the hold is released in the same save, which queues the freed time for the next entry; the
/// patient stays on the waitlist for other slots, and is never offered this one again.
/// </summary>
/// <param name="Id">The offer.</param>
public sealed record DeclineWaitlistOfferCommand(Guid Id) : IRequest<WaitlistEntryDto>;

public sealed class DeclineWaitlistOfferHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<DeclineWaitlistOfferCommand, WaitlistEntryDto>
{
    public async Task<WaitlistEntryDto> Handle(DeclineWaitlistOfferCommand request, CancellationToken cancellationToken)
    {
        var offer = await db.OfferAsync(user, request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        offer.Decline(now);
        var entry = await db.WaitlistEntries.SingleAsync(e => e.Id == offer.EntryId, cancellationToken);
        entry.OfferMissed(offer.Id);
        await db.ReleaseHoldAsync(offer, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw new ConflictException("waitlist.offer-not-pending", "This offer was answered meanwhile (accepted, declined or withdrawn).");
        }

        return WaitlistEntryDto.Of(entry, await db.OffersOfAsync([entry.Id], cancellationToken), now);
    }
}
