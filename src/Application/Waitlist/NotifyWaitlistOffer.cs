using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Locations;
using ClinicHip.Domain.Waitlist;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>
/// Run by the outbox dispatcher right after an offer is made: tells the patient by the notification sender, if the offer is
/// still open and they have an email address. Patients without one hear from the front desk, who see the offer on the waitlist.
/// </summary>
/// <param name="OfferId">The offer.</param>
public sealed record NotifyWaitlistOfferCommand(Guid OfferId) : IRequest<bool>;

public sealed class NotifyWaitlistOfferHandler(IApplicationDbContext db, INotificationSender sender, TimeProvider clock) : IRequestHandler<NotifyWaitlistOfferCommand, bool>
{
    public async Task<bool> Handle(NotifyWaitlistOfferCommand request, CancellationToken cancellationToken)
    {
        var offerId = new WaitlistOfferId(request.OfferId);
        var target = await db.WaitlistOffers.AsNoTracking().Where(o => o.Id == offerId)
            .Join(db.Patients, o => o.PatientId, p => p.Id, (o, p) => new { Offer = o, p.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is not { Email: { } email } || !target.Offer.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        var (zone, place) = (await db.ClinicLocationsAsync(cancellationToken)).PatientClockOf(target.Offer.LocationId);
        var (start, expires) = (target.Offer.StartUtc, target.Offer.ExpiresAtUtc);
        await sender.SendAsync(
            new WaitlistOfferNotice(target.Offer.Id.Value, start, Local(start, zone), expires, Local(expires, zone), email, place), cancellationToken);
        return true;
    }

    private static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
}
