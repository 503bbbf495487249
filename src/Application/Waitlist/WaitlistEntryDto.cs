using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;

namespace ClinicHip.Application.Waitlist;

/// <summary>A local range an appointment may start in (on the entry's location's clock, or the clinic's).</summary>
/// <param name="From">Earliest start, HH:mm.</param>
/// <param name="To">Starts before this, HH:mm.</param>
public sealed record TimeOfDayRangeDto(TimeOnly From, TimeOnly To);

/// <summary>A slot offered to a waitlist entry.</summary>
/// <param name="Id">The offer; accept or decline it by this id.</param>
/// <param name="ClinicianId">The slot's clinician.</param>
/// <param name="Start">The slot's start (UTC).</param>
/// <param name="End">The slot's end (UTC).</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="Status">Pending (held for the patient until expiresAt), Accepted, Declined, Expired or Withdrawn.</param>
/// <param name="OfferedAt">When it was offered.</param>
/// <param name="ExpiresAt">When the hold lapses unanswered.</param>
/// <param name="AnsweredAt">When it was accepted, declined, withdrawn or lapsed.</param>
/// <param name="AppointmentId">The appointment it became, once accepted.</param>
/// <param name="LocationId">Where the slot is, in person; null for telehealth.</param>
public sealed record WaitlistOfferDto(
    Guid Id, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, AppointmentMode Mode, WaitlistOfferStatus Status, DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, Guid? AppointmentId, Guid? LocationId = null)
{
    public static WaitlistOfferDto From(WaitlistOffer offer, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(offer);

        // Lapsed but not yet swept: shown as it will be recorded, and it can no longer be accepted either.
        var status = offer.Status == WaitlistOfferStatus.Pending && !offer.IsOpenAt(nowUtc) ? WaitlistOfferStatus.Expired : offer.Status;
        return new WaitlistOfferDto(
            offer.Id.Value, offer.ClinicianId.Value, Utc(offer.StartUtc), Utc(offer.EndUtc), offer.Mode, status, Utc(offer.OfferedAtUtc), Utc(offer.ExpiresAtUtc),
            offer.AnsweredAtUtc is { } answered ? Utc(answered) : null, offer.Status == WaitlistOfferStatus.Accepted ? offer.HoldId.Value : null,
            offer.LocationId?.Value);
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>A patient waiting for a slot, with the offers made to them.</summary>
/// <param name="Id">The entry.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="AppointmentTypeId">What they would book.</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="ClinicianId">The clinician wanted; null: any.</param>
/// <param name="From">First local day they could come (on the location's clock, or the clinic's).</param>
/// <param name="To">Last local day; the entry expires at its end.</param>
/// <param name="TimesOfDay">Parts of the day that suit them.</param>
/// <param name="Ranges">Explicit local ranges that suit them.</param>
/// <param name="Status">Waiting, Offered (an offer awaits their answer), Paused (3 offers declined or lapsed: offered nothing until changed), Booked, Withdrawn or Expired.</param>
/// <param name="RequestedAt">When they joined the waitlist.</param>
/// <param name="ExpiresAt">The end of the window (UTC).</param>
/// <param name="Offers">The slots offered so far, newest first.</param>
/// <param name="Version">Changes with every change of the entry.</param>
/// <param name="LocationId">In person: the location wanted, null for any; telehealth: null.</param>
public sealed record WaitlistEntryDto(
    Guid Id, Guid PatientId, Guid AppointmentTypeId, AppointmentMode Mode, Guid? ClinicianId, DateOnly From, DateOnly To,
    IReadOnlyList<PartOfDay> TimesOfDay, IReadOnlyList<TimeOfDayRangeDto> Ranges, WaitlistEntryStatus Status, DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt, IReadOnlyList<WaitlistOfferDto> Offers, int Version, Guid? LocationId = null)
{
    public static WaitlistEntryDto Of(WaitlistEntry entry, IEnumerable<WaitlistOffer> offers, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new WaitlistEntryDto(
            entry.Id.Value, entry.PatientId.Value, entry.AppointmentTypeId.Value, entry.Mode, entry.ClinicianId?.Value, entry.FromDate, entry.ToDate,
            entry.PreferredTimes.Parts, [.. entry.PreferredTimes.Ranges.Select(r => new TimeOfDayRangeDto(r.From, r.To))], entry.StatusAt(nowUtc),
            new DateTimeOffset(DateTime.SpecifyKind(entry.RequestedAtUtc, DateTimeKind.Utc)), new DateTimeOffset(DateTime.SpecifyKind(entry.ExpiresAtUtc, DateTimeKind.Utc)),
            [.. offers.Where(o => o.EntryId == entry.Id).OrderByDescending(o => o.OfferedAtUtc).Select(o => WaitlistOfferDto.From(o, nowUtc))], entry.Version,
            entry.LocationId?.Value);
    }
}
