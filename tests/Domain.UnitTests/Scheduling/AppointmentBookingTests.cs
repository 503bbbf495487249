using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class AppointmentBookingTests
{
    [Fact]
    public void Book_InsideWorkingHours_OccupiesClinicianCellsWithBufferAndPatientCellsWithout()
    {
        var appointment = Book();

        appointment.Status.ShouldBe(AppointmentStatus.Booked);
        appointment.EndUtc.ShouldBe(MondayNineLocal.AddMinutes(45));
        appointment.ClinicianFreeAtUtc.ShouldBe(MondayNineLocal.AddMinutes(60));
        appointment.OccupiedCells.Count(c => c.Owner == DiaryOwner.Clinician).ShouldBe(12);
        appointment.OccupiedCells.Count(c => c.Owner == DiaryOwner.Patient).ShouldBe(9);
        appointment.OccupiedCells.ShouldAllBe(c => BookingGrid.IsOnGrid(c.CellStartUtc));
        appointment.TelehealthRoomId.ShouldBeNull();
    }

    [Fact]
    public void Book_Telehealth_GetsAVideoRoom() =>
        Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth).TelehealthRoomId.ShouldNotBeNull();

    [Theory]
    [InlineData(-90, "appointment.outside-working-hours")] // 07:30 local: before opening
    [InlineData(480, "appointment.outside-working-hours")] // 17:00 local: after hours
    [InlineData(465, "appointment.outside-working-hours")] // 16:45 local: would end at 17:30
    [InlineData(3, "appointment.off-grid")]
    public void Book_AtAnUnbookableTime_IsNotPossible(int minutesAfterNine, string code) =>
        Should.Throw<BusinessRuleViolationException>(() => Book(MondayNineLocal.AddMinutes(minutesAfterNine))).Code.ShouldBe(code);

    [Fact]
    public void Book_EndingExactlyAtCloseOfDay_IsPossible() => Book(MondayNineLocal.AddMinutes(435)).EndUtc.ShouldBe(MondayNineLocal.AddHours(8));

    [Fact]
    public void Book_DuringTimeOff_IsNotPossible()
    {
        var clinician = Clinician();
        var leave = TimeOff.Schedule(clinician.Id, MondayNineLocal.AddMinutes(30), MondayNineLocal.AddHours(3), "Conference");

        Should.Throw<BusinessRuleViolationException>(() =>
                Appointment.Book(PatientId.New(), clinician, InitialAssessment(), MondayNineLocal, AppointmentMode.InPerson, ByPatient([leave])))
            .Code.ShouldBe("appointment.in-time-off");
    }

    [Fact]
    public void Book_ByPatientWithTooLittleNotice_IsNotPossible_ButStaffMay()
    {
        var now = MondayNineLocal.AddMinutes(-90);

        Should.Throw<BusinessRuleViolationException>(() => Book(context: ByPatient(now: now))).Code.ShouldBe("appointment.too-little-notice");
        Book(context: ByStaff(now)).Status.ShouldBe(AppointmentStatus.Booked);
    }

    [Fact]
    public void Book_ByPatientBeyondHorizon_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Book(context: ByPatient(now: MondayNineLocal.AddDays(-91))))
            .Code.ShouldBe("appointment.beyond-horizon");

    [Fact]
    public void Book_InThePast_IsNotPossibleEvenForStaff() =>
        Should.Throw<BusinessRuleViolationException>(() => Book(context: ByStaff(MondayNineLocal.AddMinutes(1)))).Code.ShouldBe("appointment.in-the-past");

    [Fact]
    public void Book_FrontDeskOnlyTypeByPatient_IsNotPossible_ButStaffMay()
    {
        var injection = OfferedAtMain(AppointmentType.Create("Injection procedure", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.InPerson, bookableOnline: false));

        Should.Throw<BusinessRuleViolationException>(() => Book(type: injection)).Code.ShouldBe("appointment.type-not-bookable-online");
        Book(type: injection, context: ByStaff()).Status.ShouldBe(AppointmentStatus.Booked);
    }

    [Fact]
    public void Book_InAModeTheTypeDoesNotOffer_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Book(mode: AppointmentMode.Telehealth)).Code.ShouldBe("appointment.mode-not-allowed");

    [Fact]
    public void Book_InactiveType_IsNotPossible()
    {
        var type = InitialAssessment();
        type.Change(type.Name, type.Duration, type.BufferAfter, type.Modes, type.BookableOnline, isActive: false);

        Should.Throw<BusinessRuleViolationException>(() => Book(type: type)).Code.ShouldBe("appointment.type-inactive");
    }

    [Fact]
    public void Reschedule_MovesTheCellsToTheNewTime()
    {
        var clinician = Clinician();
        var type = InitialAssessment();
        var appointment = Appointment.Book(PatientId.New(), clinician, type, MondayNineLocal, AppointmentMode.InPerson, ByPatient());

        appointment.Reschedule(clinician, type, MondayNineLocal.AddHours(2), ByPatient());

        appointment.StartUtc.ShouldBe(MondayNineLocal.AddHours(2));
        appointment.OccupiedCells.Min(c => c.CellStartUtc).ShouldBe(MondayNineLocal.AddHours(2));
        appointment.OccupiedCells.Count.ShouldBe(21);
    }

    [Fact]
    public void Reschedule_ToAnUnbookableTime_ChangesNothing()
    {
        var clinician = Clinician();
        var type = InitialAssessment();
        var appointment = Appointment.Book(PatientId.New(), clinician, type, MondayNineLocal, AppointmentMode.InPerson, ByPatient());

        Should.Throw<BusinessRuleViolationException>(() => appointment.Reschedule(clinician, type, MondayNineLocal.AddHours(9), ByPatient()));

        appointment.StartUtc.ShouldBe(MondayNineLocal);
        appointment.OccupiedCells.Count.ShouldBe(21);
    }

    [Fact]
    public void Book_TelehealthWhileIntakeRequiresInPerson_IsNotPossibleForThePatient()
    {
        var context = ByPatient() with { InPersonAssessmentRequired = true };

        Should.Throw<BusinessRuleViolationException>(() => Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth, context: context))
            .Code.ShouldBe("appointment.in-person-assessment-required");
        Book(context: context).Mode.ShouldBe(AppointmentMode.InPerson);
    }

    [Fact]
    public void Book_TelehealthWhileIntakeRequiresInPerson_StaffMayOverrideWithARecordedReason()
    {
        var withoutReason = ByStaff() with { InPersonAssessmentRequired = true };
        var withReason = withoutReason with { InPersonOverrideReason = " Lives 600 km away; imaging booked locally " };

        Should.Throw<BusinessRuleViolationException>(() => Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth, context: withoutReason));
        Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth, context: withReason).InPersonOverrideReason.ShouldBe("Lives 600 km away; imaging booked locally");
    }

    [Fact]
    public void Book_WhileAnEmergencyIntakeAwaitsReview_IsNotPossibleOnlineOfAnyType()
    {
        var context = ByPatient() with { EmergencyIntakeAwaitingReview = true };

        Should.Throw<BusinessRuleViolationException>(() => Book(context: context)).Code.ShouldBe("appointment.emergency-intake-pending");
        Should.Throw<BusinessRuleViolationException>(() => Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth, context: context))
            .Message.ShouldContain("emergency department");
    }

    [Fact]
    public void Book_ByStaffWhileAnEmergencyIntakeAwaitsReview_IsPossible()
    {
        Book(context: ByStaff() with { EmergencyIntakeAwaitingReview = true }).Status.ShouldBe(AppointmentStatus.Booked);
    }
}
