using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Waitlist;

public readonly record struct WaitlistOfferId(Guid Value)
{
    public static WaitlistOfferId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Pending → Accepted, Declined, Expired or Withdrawn (with its entry).</summary>
public enum WaitlistOfferStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
}

/// <summary>
/// A freed slot offered to one waitlist entry. Its <see cref="HoldId"/> is an <see cref="Appointment"/> hold that owns the
/// slot's diary cells under the no-double-booking key (docs/decisions/0005, 0026), so nobody else can book the slot until the
/// patient accepts (the hold becomes their appointment), declines, or lets <see cref="ExpiresAtUtc"/> pass (the hold is released).
/// </summary>
public sealed class WaitlistOffer : AuditableEntity
{
    private WaitlistOffer()
    {
    }

    public WaitlistOfferId Id { get; private set; }

    public WaitlistEntryId EntryId { get; private set; }

    public PatientId PatientId { get; private set; }

    public ClinicianId ClinicianId { get; private set; }

    public AppointmentTypeId AppointmentTypeId { get; private set; }

    public AppointmentMode Mode { get; private set; }

    /// <summary>Where the held slot is, in person; null for telehealth.</summary>
    public LocationId? LocationId { get; private set; }

    public DateTime StartUtc { get; private set; }

    public DateTime EndUtc { get; private set; }

    /// <summary>The hold on the slot; the patient's appointment (same id) once accepted.</summary>
    public AppointmentId HoldId { get; private set; }

    public DateTime OfferedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public WaitlistOfferStatus Status { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    /// <summary>Changes with every save: of twenty simultaneous acceptances, one saves.</summary>
    public int Version { get; private set; }

    /// <summary>Offers the slot <paramref name="hold"/> reserves to <paramref name="entry"/>, for <paramref name="holdFor"/>.</summary>
    public static WaitlistOffer Make(WaitlistEntry entry, Appointment hold, DateTime nowUtc, TimeSpan holdFor)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(hold);
        if (!hold.IsHold || hold.PatientId != entry.PatientId)
        {
            throw new InvalidOperationException("An offer is made with a hold for the entry's patient.");
        }

        var offer = new WaitlistOffer
        {
            Id = WaitlistOfferId.New(),
            EntryId = entry.Id,
            PatientId = entry.PatientId,
            ClinicianId = hold.ClinicianId,
            AppointmentTypeId = hold.AppointmentTypeId,
            Mode = hold.Mode,
            LocationId = hold.LocationId,
            StartUtc = hold.StartUtc,
            EndUtc = hold.EndUtc,
            HoldId = hold.Id,
            OfferedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc + holdFor,
            Status = WaitlistOfferStatus.Pending,
        };
        entry.RecordOffer(offer.Id, nowUtc);
        offer.Raise(new WaitlistOfferMade(offer.Id, entry.Id, offer.PatientId, offer.ClinicianId, offer.HoldId, offer.StartUtc, offer.ExpiresAtUtc, nowUtc));
        return offer;
    }

    /// <summary>A merge of two records of one person moves the offer, with its hold, to the surviving record.</summary>
    public void MoveToPatient(PatientId survivor)
    {
        PatientId = survivor;
        Version++;
    }

    public bool IsOpenAt(DateTime nowUtc) => Status == WaitlistOfferStatus.Pending && nowUtc < ExpiresAtUtc;

    /// <summary>The patient takes the slot: the caller turns the hold into their appointment in the same save.</summary>
    public void Accept(DateTime nowUtc)
    {
        if (!IsOpenAt(nowUtc))
        {
            throw Closed(nowUtc);
        }

        Answer(WaitlistOfferStatus.Accepted, nowUtc);
    }

    public void Decline(DateTime nowUtc)
    {
        if (!IsOpenAt(nowUtc))
        {
            throw Closed(nowUtc);
        }

        Answer(WaitlistOfferStatus.Declined, nowUtc);
    }

    /// <summary>The hold time passed unanswered; false when it was answered meanwhile or has not passed yet.</summary>
    public bool Lapse(DateTime nowUtc)
    {
        if (Status != WaitlistOfferStatus.Pending || nowUtc < ExpiresAtUtc)
        {
            return false;
        }

        Answer(WaitlistOfferStatus.Expired, nowUtc);
        return true;
    }

    /// <summary>The entry was withdrawn while the offer waited.</summary>
    public void Withdraw(DateTime nowUtc)
    {
        if (Status == WaitlistOfferStatus.Pending)
        {
            Answer(WaitlistOfferStatus.Withdrawn, nowUtc);
        }
    }

    private void Answer(WaitlistOfferStatus status, DateTime nowUtc)
    {
        Status = status;
        AnsweredAtUtc = nowUtc;
        Version++;
    }

    private StateConflictException Closed(DateTime nowUtc) => Status == WaitlistOfferStatus.Pending && nowUtc >= ExpiresAtUtc
        ? new StateConflictException("waitlist.offer-expired", "This offer has expired and its slot has been released.")
        : new StateConflictException("waitlist.offer-not-pending", $"This offer is {Status} and can no longer be answered.");
}

/// <summary>A slot was offered to a waitlist entry and is held for the patient until <see cref="ExpiresAtUtc"/>. Ids and times only.</summary>
/// <param name="OfferId">The offer.</param>
/// <param name="EntryId">The entry it was made to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ClinicianId">The slot's clinician.</param>
/// <param name="HoldId">The hold on the slot.</param>
/// <param name="StartUtc">The slot's start.</param>
/// <param name="ExpiresAtUtc">When the hold lapses unanswered.</param>
/// <param name="OccurredAtUtc">When it was offered.</param>
public sealed record WaitlistOfferMade(
    WaitlistOfferId OfferId, WaitlistEntryId EntryId, PatientId PatientId, ClinicianId ClinicianId, AppointmentId HoldId, DateTime StartUtc,
    DateTime ExpiresAtUtc, DateTime OccurredAtUtc) : IDomainEvent;
