using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Waitlist;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>Takes a patient off the waitlist; an offer awaiting their answer is withdrawn and its slot released in the same save.</summary>
/// <param name="Id">The entry.</param>
public sealed record WithdrawWaitlistEntryCommand(Guid Id) : IRequest<WaitlistEntryDto>;

public sealed class WithdrawWaitlistEntryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<WithdrawWaitlistEntryCommand, WaitlistEntryDto>
{
    public async Task<WaitlistEntryDto> Handle(WithdrawWaitlistEntryCommand request, CancellationToken cancellationToken)
    {
        var entry = await db.EntryAsync(user, request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entry.CurrentOfferId is { } offerId && await db.WaitlistOffers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken) is { } offer
            && offer.Status == WaitlistOfferStatus.Pending)
        {
            offer.Withdraw(now);
            await db.ReleaseHoldAsync(offer, now, cancellationToken);
        }

        entry.Withdraw(now);
        await db.SaveEntryAsync(cancellationToken);
        return WaitlistEntryDto.Of(entry, await db.OffersOfAsync([entry.Id], cancellationToken), now);
    }
}
