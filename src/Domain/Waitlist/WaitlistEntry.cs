using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
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

/// <summary>
/// Waiting → Offered → Booked; Offered → Waiting again when an offer is declined or lapses, or → Paused after
/// <see cref="WaitlistEntry.MissedOffersBeforePause"/> such offers; Paused → Waiting when the entry is changed; Waiting,
/// Offered or Paused → Withdrawn.
/// </summary>
public enum WaitlistEntryStatus
{
    Waiting,
    Offered,
    Booked,
    Withdrawn,

    /// <summary>Declined or let offers lapse too often: offered nothing until the patient or staff change the entry (docs/decisions/0044).</summary>
    Paused,

    /// <summary>Its window ended without a booking; never stored, read from the clock (<see cref="WaitlistEntry.StatusAt"/>).</summary>
    Expired,
}

/// <summary>
/// A patient waiting for an earlier or better slot: what they would book (type and mode, a location or any, a clinician
/// or any), the days they could come and the times of day that suit them. The clinic offers them freed slots that match,
/// one at a time. The days and times are read on the named location's clock, or the clinic's (docs/decisions/0032).
/// </summary>
public sealed class WaitlistEntry : AuditableEntity
{
    /// <summary>The longest window a patient can wait for.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(180);

    /// <summary>Offers declined or left to lapse in a row before the entry is paused, so it stops holding slots others could take.</summary>
    public const int MissedOffersBeforePause = 3;

    /// <summary>Open entries one patient may have at once.</summary>
    public const int MaxOpenEntriesPerPatient = 5;

    private WaitlistEntry()
    {
    }

    public WaitlistEntryId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    public AppointmentTypeId AppointmentTypeId { get; private set; }

    public AppointmentMode Mode { get; private set; }

    /// <summary>The clinician wanted; null: any bookable clinician.</summary>
    public ClinicianId? ClinicianId { get; private set; }

    /// <summary>Where an in-person entry wants to be seen; null: any location offering the type (and always for telehealth).</summary>
    public LocationId? LocationId { get; private set; }

    /// <summary>First local day the patient could come (on the location's clock, or the clinic's).</summary>
    public DateOnly FromDate { get; private set; }

    /// <summary>Last local day the patient could come; the entry expires at its end.</summary>
    public DateOnly ToDate { get; private set; }

    public PreferredTimes PreferredTimes { get; private set; } = PreferredTimes.AnyTime;

    /// <summary>The start of <see cref="FromDate"/> on the entry's clock (<see cref="Clock"/>).</summary>
    public DateTime WindowStartUtc { get; private set; }

    /// <summary>The end of <see cref="ToDate"/> on the entry's clock: the entry lapses then.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>When the patient joined the waitlist: among equals, the oldest entry is offered first.</summary>
    public DateTime RequestedAtUtc { get; private set; }

    public WaitlistEntryStatus Status { get; private set; }

    /// <summary>The offer waiting for the patient's answer, while <see cref="Status"/> is Offered.</summary>
    public WaitlistOfferId? CurrentOfferId { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Offers declined or lapsed since the entry last waited afresh; among equals, fewer go first.</summary>
    public int MissedOffers { get; private set; }

    /// <summary>Changes with every save: two offers, or an offer and a change, cannot both take one entry.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// A new entry for the patient, who already has <paramref name="openEntries"/> (Waiting, Offered or Paused, not expired):
    /// refused when one of those waits for the same type, mode and location in an overlapping window, or when they are
    /// already <see cref="MaxOpenEntriesPerPatient"/>.
    /// </summary>
    public static WaitlistEntry Join(
        PatientId patientId, AppointmentType type, AppointmentMode mode, ClinicianId? clinicianId, LocationId? locationId, DateOnly fromDate, DateOnly toDate,
        PreferredTimes preferredTimes, ClinicLocations locations, DateTime nowUtc, bool byPatient, IReadOnlyCollection<WaitlistEntry> openEntries)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(openEntries);
        CheckStateRule(new PatientWaitlistEntriesMustStayWithinCapRule(openEntries.Count));
        var entry = new WaitlistEntry
        {
            Id = WaitlistEntryId.New(),
            PatientId = patientId,
            AppointmentTypeId = type.Id,
            RequestedAtUtc = nowUtc,
            Status = WaitlistEntryStatus.Waiting,
        };
        entry.Set(type, mode, clinicianId, locationId, fromDate, toDate, preferredTimes, locations, nowUtc, byPatient);
        CheckStateRule(new WaitlistEntryMustNotDuplicateRule(entry, openEntries));
        return entry;
    }

    /// <summary>
    /// Changes what the patient waits for; an entry with an offer outstanding is answered first. A paused entry waits
    /// again, its missed offers forgotten. <paramref name="otherOpenEntries"/> are the patient's other open entries.
    /// </summary>
    public void Change(
        AppointmentType type, AppointmentMode mode, ClinicianId? clinicianId, LocationId? locationId, DateOnly fromDate, DateOnly toDate,
        PreferredTimes preferredTimes, ClinicLocations locations, DateTime nowUtc, bool byPatient, IReadOnlyCollection<WaitlistEntry> otherOpenEntries)
    {
        ArgumentNullException.ThrowIfNull(type);
        EnsureStatus("be changed", nowUtc, WaitlistEntryStatus.Waiting, WaitlistEntryStatus.Paused);
        Set(type, mode, clinicianId, locationId, fromDate, toDate, preferredTimes, locations, nowUtc, byPatient);
        CheckStateRule(new WaitlistEntryMustNotDuplicateRule(this, otherOpenEntries));
        Status = WaitlistEntryStatus.Waiting;
        MissedOffers = 0;
        Version++;
    }

    /// <summary>Open: waiting, offered or paused, and its window not yet ended.</summary>
    public bool IsOpenAt(DateTime nowUtc) => StatusAt(nowUtc) is WaitlistEntryStatus.Waiting or WaitlistEntryStatus.Offered or WaitlistEntryStatus.Paused;

    /// <summary>Whether both wait for the same type, mode and location in windows that overlap: one patient needs only one such entry.</summary>
    public bool Duplicates(WaitlistEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Id != Id && AppointmentTypeId == other.AppointmentTypeId && Mode == other.Mode && LocationId == other.LocationId
            && WindowStartUtc < other.ExpiresAtUtc && other.WindowStartUtc < ExpiresAtUtc;
    }

    public WaitlistEntryStatus StatusAt(DateTime nowUtc) =>
        Status is WaitlistEntryStatus.Waiting or WaitlistEntryStatus.Paused && nowUtc >= ExpiresAtUtc ? WaitlistEntryStatus.Expired
            : Status;

    /// <summary>The wall clock the entry's days and times of day are read on: its location's, or the clinic's.</summary>
    public TimeZoneInfo Clock(ClinicLocations locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        return LocationId is { } at ? locations.ZoneOf(at) : locations.ClinicZone;
    }

    /// <summary>
    /// Whether a free slot is one this entry waits for: the type and clinician, in person at its location (or any) or
    /// telehealth, inside the window and the preferred times on the entry's clock.
    /// </summary>
    public bool Matches(AvailableSlot slot, AppointmentTypeId typeId, ClinicLocations locations)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(slot.StartUtc, DateTimeKind.Utc), Clock(locations));
        return typeId == AppointmentTypeId && (ClinicianId is null || ClinicianId == slot.ClinicianId)
            && IsWhereWanted(slot.LocationId)
            && slot.StartUtc >= WindowStartUtc && slot.StartUtc < ExpiresAtUtc
            && PreferredTimes.Contains(TimeOnly.FromDateTime(local));
    }

    /// <summary>Whether this entry waits for the same thing as <paramref name="other"/>: type, mode, location and clinician.</summary>
    public bool WaitsForTheSameAs(WaitlistEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AppointmentTypeId == other.AppointmentTypeId && Mode == other.Mode && LocationId == other.LocationId && ClinicianId == other.ClinicianId;
    }

    /// <summary>A merge of two records of one person moves the entry to the surviving record; it keeps its place in the queue.</summary>
    public void MoveToPatient(PatientId survivor)
    {
        PatientId = survivor;
        Version++;
    }

    public void RecordOffer(WaitlistOfferId offerId, DateTime nowUtc)
    {
        EnsureStatus("be offered a slot", nowUtc, WaitlistEntryStatus.Waiting);
        Status = WaitlistEntryStatus.Offered;
        CurrentOfferId = offerId;
        Version++;
    }

    /// <summary>
    /// The patient declined the offer or let it lapse: the entry waits again for another slot, or is paused after
    /// <see cref="MissedOffersBeforePause"/> offers missed.
    /// </summary>
    public void OfferMissed(WaitlistOfferId offerId)
    {
        if (Status == WaitlistEntryStatus.Offered && CurrentOfferId == offerId)
        {
            MissedOffers++;
            Status = MissedOffers >= MissedOffersBeforePause ? WaitlistEntryStatus.Paused : WaitlistEntryStatus.Waiting;
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
        EnsureStatus("be withdrawn", nowUtc, WaitlistEntryStatus.Waiting, WaitlistEntryStatus.Offered, WaitlistEntryStatus.Paused);
        Status = WaitlistEntryStatus.Withdrawn;
        CurrentOfferId = null;
        ClosedAtUtc = nowUtc;
        Version++;
    }

    private void Set(
        AppointmentType type, AppointmentMode mode, ClinicianId? clinicianId, LocationId? locationId, DateOnly fromDate, DateOnly toDate,
        PreferredTimes preferredTimes, ClinicLocations locations, DateTime nowUtc, bool byPatient)
    {
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(preferredTimes);
        CheckRule(new AppointmentTypeMustBeActiveRule(type));

        // A patient could not accept an offer of a type the front desk books: they are not put on a list for one.
        CheckRule(new TypeMustBeBookableOnlineRule(type, byPatient));
        CheckRule(new ModeMustBeAllowedByTypeRule(type, mode));
        CheckRule(new TelehealthHasNoLocationRule(mode, locationId));
        if (locationId is { } at)
        {
            // The same checks a booking there makes, so an entry never waits for a slot that could not be booked.
            var location = locations.Find(at);
            CheckRule(new LocationMustTakeBookingsRule(location));
            CheckRule(new TypeMustBeOfferedAtLocationRule(type, location!));
        }

        var zone = locationId is { } named ? locations.ZoneOf(named) : locations.ClinicZone;
        var windowStartUtc = ClinicTime.ToUtc(fromDate.ToDateTime(TimeOnly.MinValue), zone);
        var expiresAtUtc = ClinicTime.ToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        CheckRule(new WaitlistWindowMustBeAheadAndBoundedRule(fromDate, toDate, expiresAtUtc, nowUtc));
        AppointmentTypeId = type.Id;
        Mode = mode;
        ClinicianId = clinicianId;
        LocationId = locationId;
        FromDate = fromDate;
        ToDate = toDate;
        PreferredTimes = preferredTimes;
        WindowStartUtc = windowStartUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    /// <summary>
    /// Telehealth happens anywhere; an in-person slot must be in person (a slot without a location is telehealth only), at
    /// the entry's location when it names one: a slot freed at one location is never offered for another.
    /// </summary>
    private bool IsWhereWanted(LocationId? slotLocation) =>
        Mode == AppointmentMode.Telehealth || (slotLocation is { } at && (LocationId is null || LocationId == at));

    private void EnsureStatus(string action, DateTime nowUtc, params WaitlistEntryStatus[] allowed)
    {
        var status = StatusAt(nowUtc);
        if (!allowed.Contains(status))
        {
            throw new StateConflictException("waitlist.entry-closed", $"A {status} waitlist entry cannot {action}.");
        }
    }
}
