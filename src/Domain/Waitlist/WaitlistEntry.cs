using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Waitlist.Rules;

namespace ClinicHip.Domain.Waitlist;

public readonly record struct WaitlistEntryId(Guid Value)
{
    public static WaitlistEntryId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Waiting → Offered → Booked; Offered → Waiting again when an offer is declined or lapses; Waiting or Offered → Withdrawn.</summary>
public enum WaitlistEntryStatus
{
    Waiting,
    Offered,
    Booked,
    Withdrawn,

    /// <summary>Its window ended without a booking; never stored, read from the clock (<see cref="WaitlistEntry.StatusAt"/>).</summary>
    Expired,
}

/// <summary>
/// A patient waiting for an earlier or better slot: what they would book (type and mode, a clinician or any), the days
/// they could come and the times of day that suit them. The clinic offers them freed slots that match, one at a time.
/// In-person entries match slots wherever the clinic sees patients: a clinic with several locations adds the entry's
/// location to <see cref="Matches"/>.
/// </summary>
public sealed class WaitlistEntry : AuditableEntity
{
    /// <summary>The longest window a patient can wait for.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(180);

    private WaitlistEntry()
    {
    }

    public WaitlistEntryId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    public AppointmentTypeId AppointmentTypeId { get; private set; }

    public AppointmentMode Mode { get; private set; }

    /// <summary>The clinician wanted; null: any bookable clinician.</summary>
    public ClinicianId? ClinicianId { get; private set; }

    /// <summary>First clinic-local day the patient could come.</summary>
    public DateOnly FromDate { get; private set; }

    /// <summary>Last clinic-local day the patient could come; the entry expires at its end.</summary>
    public DateOnly ToDate { get; private set; }

    public PreferredTimes PreferredTimes { get; private set; } = PreferredTimes.AnyTime;

    /// <summary>The start of <see cref="FromDate"/> in the clinic's zone.</summary>
    public DateTime WindowStartUtc { get; private set; }

    /// <summary>The end of <see cref="ToDate"/> in the clinic's zone: the entry lapses then.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>When the patient joined the waitlist: among equals, the oldest entry is offered first.</summary>
    public DateTime RequestedAtUtc { get; private set; }

    public WaitlistEntryStatus Status { get; private set; }

    /// <summary>The offer waiting for the patient's answer, while <see cref="Status"/> is Offered.</summary>
    public WaitlistOfferId? CurrentOfferId { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Changes with every save: two offers, or an offer and a change, cannot both take one entry.</summary>
    public int Version { get; private set; }

    public static WaitlistEntry Join(
        PatientId patientId, AppointmentType type, AppointmentMode mode, ClinicianId? clinicianId, DateOnly fromDate, DateOnly toDate,
        PreferredTimes preferredTimes, TimeZoneInfo zone, DateTime nowUtc, bool byPatient)
    {
        ArgumentNullException.ThrowIfNull(type);
        var entry = new WaitlistEntry
        {
            Id = WaitlistEntryId.New(),
            PatientId = patientId,
            AppointmentTypeId = type.Id,
            RequestedAtUtc = nowUtc,
            Status = WaitlistEntryStatus.Waiting,
        };
        entry.Set(type, mode, clinicianId, fromDate, toDate, preferredTimes, zone, nowUtc, byPatient);
        return entry;
    }

    /// <summary>Changes what the patient waits for; an entry with an offer outstanding is answered first.</summary>
    public void Change(
        AppointmentType type, AppointmentMode mode, ClinicianId? clinicianId, DateOnly fromDate, DateOnly toDate, PreferredTimes preferredTimes,
        TimeZoneInfo zone, DateTime nowUtc, bool byPatient)
    {
        ArgumentNullException.ThrowIfNull(type);
        EnsureStatus("be changed", nowUtc, WaitlistEntryStatus.Waiting);
        Set(type, mode, clinicianId, fromDate, toDate, preferredTimes, zone, nowUtc, byPatient);
        Version++;
    }

    public WaitlistEntryStatus StatusAt(DateTime nowUtc) =>
        Status == WaitlistEntryStatus.Waiting && nowUtc >= ExpiresAtUtc ? WaitlistEntryStatus.Expired
            : Status;

    /// <summary>Whether a free slot is one this entry waits for: the type, mode and clinician, inside the window and the preferred times.</summary>
    public bool Matches(ClinicianId clinicianId, AppointmentTypeId typeId, DateTime startUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return typeId == AppointmentTypeId && (ClinicianId is null || ClinicianId == clinicianId)
            && startUtc >= WindowStartUtc && startUtc < ExpiresAtUtc
            && PreferredTimes.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone)));
    }

    public void RecordOffer(WaitlistOfferId offerId, DateTime nowUtc)
    {
        EnsureStatus("be offered a slot", nowUtc, WaitlistEntryStatus.Waiting);
        Status = WaitlistEntryStatus.Offered;
        CurrentOfferId = offerId;
        Version++;
    }

    /// <summary>The offer was declined or lapsed (or withdrawn with its entry): the patient waits again for another slot.</summary>
    public void OfferEnded(WaitlistOfferId offerId)
    {
        if (Status == WaitlistEntryStatus.Offered && CurrentOfferId == offerId)
        {
            Status = WaitlistEntryStatus.Waiting;
            CurrentOfferId = null;
            Version++;
        }
    }

    public void RecordBooked(WaitlistOfferId offerId, DateTime nowUtc)
    {
        if (Status != WaitlistEntryStatus.Offered || CurrentOfferId != offerId)
        {
            throw new StateConflictException("waitlist.offer-not-pending", "This offer is no longer open.");
        }

        Status = WaitlistEntryStatus.Booked;
        CurrentOfferId = null;
        ClosedAtUtc = nowUtc;
        Version++;
    }

    /// <summary>The patient no longer waits. An offer outstanding is withdrawn by the caller with it.</summary>
    public void Withdraw(DateTime nowUtc)
    {
        EnsureStatus("be withdrawn", nowUtc, WaitlistEntryStatus.Waiting, WaitlistEntryStatus.Offered);
        Status = WaitlistEntryStatus.Withdrawn;
        CurrentOfferId = null;
        ClosedAtUtc = nowUtc;
        Version++;
    }

    private void Set(
        AppointmentType type, AppointmentMode mode, ClinicianId? clinicianId, DateOnly fromDate, DateOnly toDate, PreferredTimes preferredTimes,
        TimeZoneInfo zone, DateTime nowUtc, bool byPatient)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(preferredTimes);
        CheckRule(new AppointmentTypeMustBeActiveRule(type));

        // A patient could not accept an offer of a type the front desk books: they are not put on a list for one.
        CheckRule(new TypeMustBeBookableOnlineRule(type, byPatient));
        CheckRule(new ModeMustBeAllowedByTypeRule(type, mode));
        var windowStartUtc = ClinicTime.ToUtc(fromDate.ToDateTime(TimeOnly.MinValue), zone);
        var expiresAtUtc = ClinicTime.ToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        CheckRule(new WaitlistWindowMustBeAheadAndBoundedRule(fromDate, toDate, expiresAtUtc, nowUtc));
        AppointmentTypeId = type.Id;
        Mode = mode;
        ClinicianId = clinicianId;
        FromDate = fromDate;
        ToDate = toDate;
        PreferredTimes = preferredTimes;
        WindowStartUtc = windowStartUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    private void EnsureStatus(string action, DateTime nowUtc, params WaitlistEntryStatus[] allowed)
    {
        var status = StatusAt(nowUtc);
        if (!allowed.Contains(status))
        {
            throw new StateConflictException("waitlist.entry-closed", $"A {status} waitlist entry cannot {action}.");
        }
    }
}
