using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class AppointmentLifecycleTests
{
    private static readonly TimeSpan LateWindow = TimeSpan.FromHours(24);

    [Fact]
    public void InPersonVisit_GoesBookedCheckedInInProgressCompleted()
    {
        var appointment = Book();

        appointment.CheckIn(MondayNineLocal.AddMinutes(-5));
        appointment.Start(MondayNineLocal);
        appointment.Complete(MondayNineLocal.AddMinutes(45));

        appointment.Status.ShouldBe(AppointmentStatus.Completed);
        appointment.CheckedInAtUtc.ShouldBe(MondayNineLocal.AddMinutes(-5));
        appointment.CompletedAtUtc.ShouldBe(MondayNineLocal.AddMinutes(45));
    }

    [Fact]
    public void Start_InPersonWithoutCheckIn_IsAStateConflict() =>
        Should.Throw<StateConflictException>(() => Book().Start(MondayNineLocal)).Code.ShouldBe("appointment.invalid-transition");

    [Fact]
    public void Start_TelehealthStraightFromBooked_IsPossible()
    {
        var appointment = Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth);

        appointment.Start(MondayNineLocal);

        appointment.Status.ShouldBe(AppointmentStatus.InProgress);
    }

    [Fact]
    public void Complete_ABookedAppointment_IsAStateConflict() => Should.Throw<StateConflictException>(() => Book().Complete(MondayNineLocal));

    [Fact]
    public void Cancel_WellAhead_ReleasesEveryCellAndIsNotLate()
    {
        var appointment = Book();

        appointment.Cancel(CancellationReason.FeelingBetter, " better now ", MondayNineLocal.AddDays(-2), LateWindow, byPatient: true);

        appointment.Status.ShouldBe(AppointmentStatus.Cancelled);
        appointment.OccupiedCells.ShouldBeEmpty();
        appointment.IsLateCancellation.ShouldBeFalse();
        appointment.CancellationNote.ShouldBe("better now");
    }

    [Fact]
    public void Cancel_InsideTheWindow_IsMarkedLate()
    {
        var appointment = Book();

        appointment.Cancel(CancellationReason.Work, null, MondayNineLocal.AddHours(-23), LateWindow, byPatient: true);

        appointment.IsLateCancellation.ShouldBeTrue();
    }

    [Fact]
    public void Cancel_ByPatientAfterItStarted_IsNotPossible_ButStaffMay()
    {
        Should.Throw<BusinessRuleViolationException>(() => Book().Cancel(CancellationReason.Other, null, MondayNineLocal.AddMinutes(5), LateWindow, byPatient: true))
            .Code.ShouldBe("appointment.already-started");

        var appointment = Book();
        appointment.Cancel(CancellationReason.ClinicCancelled, null, MondayNineLocal.AddMinutes(5), LateWindow, byPatient: false);
        appointment.Status.ShouldBe(AppointmentStatus.Cancelled);
    }

    [Fact]
    public void Cancel_Twice_IsAStateConflict()
    {
        var appointment = Book();
        appointment.Cancel(CancellationReason.Travel, null, Now, LateWindow, byPatient: true);

        Should.Throw<StateConflictException>(() => appointment.Cancel(CancellationReason.Travel, null, Now, LateWindow, byPatient: true));
    }

    [Fact]
    public void MarkNoShow_BeforeTheStart_IsNotPossible_AfterItIs()
    {
        var appointment = Book();

        Should.Throw<BusinessRuleViolationException>(() => appointment.MarkNoShow(MondayNineLocal.AddMinutes(-1))).Code.ShouldBe("appointment.not-started-yet");
        appointment.MarkNoShow(MondayNineLocal.AddMinutes(10));
        appointment.Status.ShouldBe(AppointmentStatus.NoShow);
    }

    [Fact]
    public void MarkNoShow_AfterCheckIn_IsAStateConflict()
    {
        var appointment = Book();
        appointment.CheckIn(MondayNineLocal);

        Should.Throw<StateConflictException>(() => appointment.MarkNoShow(MondayNineLocal.AddMinutes(10)));
    }

    [Fact]
    public void TelehealthWindow_OpensBeforeStartAndClosesAfterEnd()
    {
        var appointment = Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth);

        var (opens, closes) = appointment.TelehealthWindow(Settings());

        opens.ShouldBe(MondayNineLocal.AddMinutes(-15));
        closes.ShouldBe(MondayNineLocal.AddMinutes(60));
    }
}
