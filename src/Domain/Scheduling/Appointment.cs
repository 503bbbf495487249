using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling;

/// <remarks>Ordered, so change feeds and exports read in keyset batches (<c>Id &gt; last</c>).</remarks>
public readonly record struct AppointmentId(Guid Value) : IComparable<AppointmentId>
{
    public static AppointmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(AppointmentId other) => Value.CompareTo(other.Value);

    // Order operators let keyset reads (change feeds, exports) continue after an id (id > last). In a query the database
    // compares in its own uuid order, which is the order it sorts by; these bodies only run outside queries.
    public static bool operator <(AppointmentId left, AppointmentId right) => left.CompareTo(right) < 0;

    public static bool operator >(AppointmentId left, AppointmentId right) => left.CompareTo(right) > 0;

    public static bool operator <=(AppointmentId left, AppointmentId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AppointmentId left, AppointmentId right) => left.CompareTo(right) >= 0;
}

/// <summary>
/// A patient's booking with a clinician. It holds the diary cells it occupies (the clinician's including the
/// buffer after, the patient's without), and releases them when cancelled.
/// </summary>
public sealed class Appointment : AuditableEntity, IChangeFeedEntity
{
    public const int CancellationNoteMaxLength = 500;
    public const int OverrideReasonMaxLength = 500;
    public const int BookingNoteMaxLength = 1000;

    /// <summary>
    /// The longest an appointment can hold a clinician (longest type plus longest buffer). Overlap queries use it as
    /// a lower bound on the start, so the (clinician, start) index is read for the window only, not all history.
    /// </summary>
    public static readonly TimeSpan LongestClinicianSpan = AppointmentType.MaxDuration + AppointmentType.MaxBufferAfter;

    private readonly List<OccupiedCell> occupiedCells = [];

    private Appointment()
    {
    }

    public AppointmentId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    public ClinicianId ClinicianId { get; private set; }

    public AppointmentTypeId AppointmentTypeId { get; private set; }

    /// <summary>The course of care this appointment belongs to; null for a single booking.</summary>
    public AppointmentSeriesId? SeriesId { get; private set; }

    public DateTime StartUtc { get; private set; }

    public DateTime EndUtc { get; private set; }

    /// <summary>When the clinician is free again: the end plus the type's buffer.</summary>
    public DateTime ClinicianFreeAtUtc { get; private set; }

    public AppointmentMode Mode { get; private set; }

    /// <summary>Where an in-person appointment happens: the location the clinician works at then. Null for telehealth.</summary>
    public LocationId? LocationId { get; private set; }

    public AppointmentStatus Status { get; private set; }

    /// <summary>Why staff booked telehealth although the patient's intake required an in-person assessment.</summary>
    public string? InPersonOverrideReason { get; private set; }

    /// <summary>The video room of a telehealth appointment.</summary>
    public Guid? TelehealthRoomId { get; private set; }

    public CancellationReason? CancellationReason { get; private set; }

    public string? CancellationNote { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    /// <summary>Cancelled inside the clinic's late-cancellation window.</summary>
    public bool IsLateCancellation { get; private set; }

    /// <summary>How the booking came in; null for appointments booked before the channel was recorded.</summary>
    public BookingChannel? Channel { get; private set; }

    /// <summary>The front desk's note about the booking (e.g. "bring referral letter"). Staff only, never shown to the patient.</summary>
    public string? BookingNote { get; private set; }

    public DateTime? CheckedInAtUtc { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    /// <summary>
    /// A waitlist offer's reservation, not yet an appointment: it owns the slot's diary cells so nobody else can book them
    /// (docs/decisions/0026), and becomes the patient's appointment when they accept (<see cref="ConfirmHold"/>).
    /// </summary>
    public bool IsHold { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    public IReadOnlyList<OccupiedCell> OccupiedCells => occupiedCells;

    /// <summary>
    /// A merge of two records of one person moves the appointment, with the patient's diary cells, to the surviving
    /// record (<see cref="Patients.PatientMerge"/>); the clinician's cells stay as they are.
    /// </summary>
    public void MoveToPatient(PatientId survivor)
    {
        var patientCells = occupiedCells.Where(c => c.Owner == DiaryOwner.Patient).ToList();
        occupiedCells.RemoveAll(c => c.Owner == DiaryOwner.Patient);
        occupiedCells.AddRange(patientCells.Select(c => c with { OwnerId = survivor.Value }));
        PatientId = survivor;
    }

    /// <summary>Books an appointment under every booking rule; <paramref name="seriesId"/> names the course it is an occurrence of, if any.</summary>
    public static Appointment Book(
        PatientId patientId, Clinician clinician, AppointmentType type, DateTime startUtc, AppointmentMode mode, BookingContext context,
        AppointmentSeriesId? seriesId = null)
    {
        CheckCanBook(clinician, type, mode, context);

        var appointment = new Appointment
        {
            Id = AppointmentId.New(),
            PatientId = patientId,
            AppointmentTypeId = type.Id,
            SeriesId = seriesId,
            Mode = mode,
            Status = AppointmentStatus.Booked,
            TelehealthRoomId = mode == AppointmentMode.Telehealth ? Guid.NewGuid() : null,
            InPersonOverrideReason = mode == AppointmentMode.Telehealth && context.InPersonAssessmentRequired ? context.InPersonOverrideReason?.Trim() : null,

            // Booked now: the booking's answer names this change time, and the save keeps it (docs/decisions/0031).
            ChangedAtUtc = context.NowUtc,
        };
        appointment.Place(clinician, startUtc, type, context);
        appointment.RaiseChange(AppointmentChange.Booked, context.NowUtc);
        return appointment;
    }

    /// <summary>The booking rules that hold whatever the time: who books what, how, with whom. A series checks them once for all its occurrences.</summary>
    public static void CheckCanBook(Clinician clinician, AppointmentType type, AppointmentMode mode, BookingContext context)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(context);
        CheckRule(new NoOnlineBookingWhileEmergencyIntakeAwaitsReviewRule(context));
        CheckRule(new OnlineBookingPausedAfterNoShowsRule(context));
        CheckRule(new AppointmentTypeMustBeActiveRule(type));
        CheckRule(new ModeMustBeAllowedByTypeRule(type, mode));
        CheckRule(new TypeMustBeBookableOnlineRule(type, context.ByPatient));
        CheckRule(new InPersonAssessmentRequiredRule(mode, context));
        CheckRule(new TelehealthHasNoLocationRule(mode, context.RequestedLocationId));
        CheckRule(new ClinicianMustBeBookableRule(clinician));
    }

    /// <summary>
    /// The first booking rule that a start at <paramref name="startUtc"/> breaks (grid, future, notice, horizon, working hours,
    /// time off), or null when the time is allowed. Whether the diary is free is the store's to say (ADR 0005).
    /// </summary>
    public static IBusinessRule? BrokenTimeRule(Clinician clinician, AppointmentType type, DateTime startUtc, BookingContext context)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(context);
        var endUtc = startUtc + type.Duration;
        IBusinessRule[] rules =
        [
            new AppointmentMustStartOnTheGridRule(startUtc),
            new AppointmentMustBeInTheFutureRule(startUtc, context.NowUtc),
            new ClinicianMustBeBookableRule(clinician),
            new PatientBookingNeedsMinimumNoticeRule(startUtc, context),
            new PatientBookingMustBeWithinHorizonRule(startUtc, context),
            new AppointmentMustBeWithinWorkingHoursRule(clinician, clinician.WorkplaceAt(startUtc, endUtc, context.Locations)),
            new AppointmentMustNotFallInTimeOffRule(context.ClinicianTimeOff, startUtc, endUtc),
        ];
        return Array.Find(rules, r => r.IsBroken());
    }

    /// <summary>
    /// The first rule a start at <paramref name="startUtc"/> breaks for an appointment in <paramref name="mode"/>: the time
    /// rules (<see cref="BrokenTimeRule"/>), then for in person the place, which also depends on the time: where the
    /// clinician works then must be the requested location (if any), take bookings and offer the type. Null when allowed.
    /// </summary>
    public static IBusinessRule? BrokenPlacementRule(Clinician clinician, AppointmentType type, DateTime startUtc, AppointmentMode mode, BookingContext context)
    {
        if (BrokenTimeRule(clinician, type, startUtc, context) is { } broken)
        {
            return broken;
        }

        if (mode != AppointmentMode.InPerson)
        {
            return null;
        }

        // Within working hours (checked above), so there is a workplace.
        var workplace = clinician.WorkplaceAt(startUtc, startUtc + type.Duration, context.Locations)!;
        var location = context.Locations.Find(workplace.LocationId);
        IBusinessRule[] placeRules =
        [
            new InPersonAppointmentMustBeWhereTheClinicianWorksRule(clinician, workplace, context.RequestedLocationId, context.Locations),
            new LocationMustTakeBookingsRule(location),
        ];
        if (Array.Find(placeRules, r => r.IsBroken()) is { } elsewhere)
        {
            return elsewhere;
        }

        var offered = new TypeMustBeOfferedAtLocationRule(type, location!);
        return offered.IsBroken() ? offered : null;
    }

    /// <summary>
    /// Reserves a slot offered from the waitlist: the clinic places it (working hours, time off, the grid), holding the
    /// same cells a booking would. No event is raised: nothing is booked until the patient accepts.
    /// </summary>
    public static Appointment Hold(PatientId patientId, Clinician clinician, AppointmentType type, DateTime startUtc, AppointmentMode mode, BookingContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(context);
        CheckRule(new AppointmentTypeMustBeActiveRule(type));
        CheckRule(new ModeMustBeAllowedByTypeRule(type, mode));
        var hold = new Appointment
        {
            Id = AppointmentId.New(),
            PatientId = patientId,
            AppointmentTypeId = type.Id,
            Mode = mode,
            Status = AppointmentStatus.Booked,
            IsHold = true,
        };
        hold.Place(clinician, startUtc, type, context);
        return hold;
    }

    /// <summary>
    /// The patient accepted the offer: the hold becomes their appointment under every rule a new booking meets, keeping
    /// its cells, so the slot is never free in between.
    /// </summary>
    public void ConfirmHold(Clinician clinician, AppointmentType type, BookingContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(context);
        if (!IsHold || Status != AppointmentStatus.Booked)
        {
            throw new StateConflictException("waitlist.offer-not-pending", "This offer's hold has been released.");
        }

        CheckCanBook(clinician, type, Mode, context);
        Place(clinician, StartUtc, type, context);
        TelehealthRoomId = Mode == AppointmentMode.Telehealth ? Guid.NewGuid() : null;
        InPersonOverrideReason = Mode == AppointmentMode.Telehealth && context.InPersonAssessmentRequired ? context.InPersonOverrideReason?.Trim() : null;
        IsHold = false;
        RaiseChange(AppointmentChange.Booked, context.NowUtc);
    }

    /// <summary>The offer was declined, lapsed or withdrawn: the hold gives its cells back and the time is free again.</summary>
    public void ReleaseHold(DateTime nowUtc)
    {
        if (!IsHold || Status != AppointmentStatus.Booked)
        {
            return;
        }

        Status = AppointmentStatus.Cancelled;
        CancelledAtUtc = nowUtc;
        occupiedCells.Clear();
        Raise(new DiaryTimeFreed(ClinicianId, StartUtc, ClinicianFreeAtUtc, nowUtc));
    }

    /// <summary>Records how the booking came in and the staff's note about it.</summary>
    public void RecordBookingDetails(BookingChannel channel, string? staffNote)
    {
        var note = string.IsNullOrWhiteSpace(staffNote) ? null : staffNote.Trim();
        if (note?.Length > BookingNoteMaxLength)
        {
            throw new ArgumentException($"A booking note is at most {BookingNoteMaxLength} characters.", nameof(staffNote));
        }

        Channel = channel;
        BookingNote = note;
    }

    /// <summary>Moves a booked appointment to another time (and optionally clinician), under the same rules as booking.</summary>
    public void Reschedule(Clinician clinician, AppointmentType type, DateTime startUtc, BookingContext context)
    {
        ArgumentNullException.ThrowIfNull(type);
        EnsureStatus("reschedule", AppointmentStatus.Booked);
        var (formerClinician, formerStart, formerFreeAt) = (ClinicianId, StartUtc, ClinicianFreeAtUtc);
        Place(clinician, startUtc, type, context);
        RaiseChange(AppointmentChange.Rescheduled, context.NowUtc);
        Raise(new DiaryTimeFreed(formerClinician, formerStart, formerFreeAt, context.NowUtc));
    }

    public void Cancel(CancellationReason reason, string? note, DateTime nowUtc, TimeSpan lateCancellationWindow, bool byPatient)
    {
        EnsureStatus("cancel", AppointmentStatus.Booked);
        CheckRule(new PatientMayCancelOnlyFutureAppointmentsRule(StartUtc, nowUtc, byPatient));
        Status = AppointmentStatus.Cancelled;
        CancellationReason = reason;
        CancellationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CancelledAtUtc = nowUtc;
        IsLateCancellation = StartUtc - nowUtc < lateCancellationWindow;
        occupiedCells.Clear();
        RaiseChange(AppointmentChange.Cancelled, nowUtc);
        Raise(new DiaryTimeFreed(ClinicianId, StartUtc, ClinicianFreeAtUtc, nowUtc));
    }

    public void CheckIn(DateTime nowUtc)
    {
        EnsureStatus("check in", AppointmentStatus.Booked);
        Status = AppointmentStatus.CheckedIn;
        CheckedInAtUtc = nowUtc;
        RaiseChange(AppointmentChange.CheckedIn, nowUtc);
    }

    /// <summary>The clinician starts the consultation: after check-in, or straight from booked for telehealth (no front desk).</summary>
    public void Start(DateTime nowUtc)
    {
        if (Mode == AppointmentMode.Telehealth)
        {
            EnsureStatus("start", AppointmentStatus.Booked, AppointmentStatus.CheckedIn);
        }
        else
        {
            EnsureStatus("start", AppointmentStatus.CheckedIn);
        }

        Status = AppointmentStatus.InProgress;
        StartedAtUtc = nowUtc;
    }

    public void Complete(DateTime nowUtc)
    {
        EnsureStatus("complete", AppointmentStatus.InProgress);
        Status = AppointmentStatus.Completed;
        CompletedAtUtc = nowUtc;
        RaiseChange(AppointmentChange.Completed, nowUtc);
    }

    public void MarkNoShow(DateTime nowUtc)
    {
        EnsureStatus("mark as a no-show", AppointmentStatus.Booked);
        CheckRule(new NoShowOnlyAfterStartRule(StartUtc, nowUtc));
        Status = AppointmentStatus.NoShow;
        RaiseChange(AppointmentChange.NoShow, nowUtc);
    }

    /// <summary>When the telehealth room can be joined.</summary>
    public (DateTime OpensAtUtc, DateTime ClosesAtUtc) TelehealthWindow(ClinicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (StartUtc - settings.TelehealthOpensBeforeStart, EndUtc + settings.TelehealthClosesAfterEnd);
    }

    private void Place(Clinician clinician, DateTime startUtc, AppointmentType type, BookingContext context)
    {
        if (BrokenPlacementRule(clinician, type, startUtc, Mode, context) is { } broken)
        {
            throw new BusinessRuleViolationException(broken);
        }

        var endUtc = startUtc + type.Duration;
        LocationId = Mode == AppointmentMode.InPerson ? clinician.WorkplaceAt(startUtc, endUtc, context.Locations)!.LocationId : null;
        ClinicianId = clinician.Id;
        StartUtc = startUtc;
        EndUtc = endUtc;
        ClinicianFreeAtUtc = endUtc + type.BufferAfter;
        occupiedCells.Clear();
        occupiedCells.AddRange(BookingGrid.CellsBetween(startUtc, ClinicianFreeAtUtc).Select(c => new OccupiedCell(DiaryOwner.Clinician, clinician.Id.Value, c)));
        occupiedCells.AddRange(BookingGrid.CellsBetween(startUtc, endUtc).Select(c => new OccupiedCell(DiaryOwner.Patient, PatientId.Value, c)));
    }

    private void RaiseChange(AppointmentChange change, DateTime nowUtc) =>
        Raise(new AppointmentChanged(change, Id, PatientId, ClinicianId, StartUtc, nowUtc));

    private void EnsureStatus(string action, params AppointmentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new StateConflictException("appointment.invalid-transition", $"A {Status} appointment cannot {action}.");
        }
    }
}
