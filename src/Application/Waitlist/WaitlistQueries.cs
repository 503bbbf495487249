using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>
/// The waitlist reads and writes the use cases share. A patient reaches their own entries and offers (others' answer 404,
/// as if missing); staff all.
/// </summary>
internal static class WaitlistQueries
{
    public static async Task<WaitlistEntry> EntryAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var entryId = new WaitlistEntryId(id);
        var entry = await db.WaitlistEntries.SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        return entry is not null && user.MayReach(entry.PatientId) ? entry : throw new NotFoundException("Waitlist entry", id);
    }

    public static async Task<WaitlistOffer> OfferAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var offerId = new WaitlistOfferId(id);
        var offer = await db.WaitlistOffers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        return offer is not null && user.MayReach(offer.PatientId) ? offer : throw new NotFoundException("Waitlist offer", id);
    }

    public static async Task<List<WaitlistOffer>> OffersOfAsync(this IApplicationDbContext db, IReadOnlyCollection<WaitlistEntryId> entryIds, CancellationToken cancellationToken) =>
        await db.WaitlistOffers.AsNoTracking().Where(o => entryIds.Contains(o.EntryId)).ToListAsync(cancellationToken);

    /// <summary>
    /// The patient's open entries (waiting, offered or paused, window not ended), read for the duplicate and cap rules. Two
    /// joins racing may both pass; the cap still bounds what one patient holds.
    /// </summary>
    public static async Task<List<WaitlistEntry>> OpenWaitlistEntriesOfAsync(
        this IApplicationDbContext db, Domain.Patients.PatientId patientId, DateTime nowUtc, CancellationToken cancellationToken) =>
        await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.ExpiresAtUtc > nowUtc
                && (e.Status == WaitlistEntryStatus.Waiting || e.Status == WaitlistEntryStatus.Offered || e.Status == WaitlistEntryStatus.Paused))
            .ToListAsync(cancellationToken);

    /// <summary>Saves a change of an entry; an offer made to it meanwhile (its version moved on) answers 409.</summary>
    public static async Task SaveEntryAsync(this IApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw new ConflictException("waitlist.entry-changed", "The entry changed meanwhile (a slot was offered to it): read it again.");
        }
    }

    /// <summary>Gives an offer's hold back (declined, lapsed or withdrawn): its cells are freed and the waitlist offered the time.</summary>
    public static async Task ReleaseHoldAsync(this IApplicationDbContext db, WaitlistOffer offer, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var hold = await db.Appointments.IgnoreQueryFilters().SingleAsync(a => a.Id == offer.HoldId, cancellationToken);
        hold.ReleaseHold(nowUtc);
    }

    /// <summary>The clinician an entry asks for, which must exist and take bookings; null for any.</summary>
    public static async Task<ClinicianId?> WantedClinicianAsync(this IApplicationDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } wanted)
        {
            return null;
        }

        var clinician = await db.ClinicianAsync(wanted, cancellationToken);
        var rule = new ClinicianMustBeBookableRule(clinician);
        return rule.IsBroken() ? throw new Domain.Common.BusinessRuleViolationException(rule) : clinician.Id;
    }
}
