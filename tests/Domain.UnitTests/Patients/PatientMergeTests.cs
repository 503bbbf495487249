using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Patients.Rules;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.UnitTests.Scheduling;
using ClinicHip.Domain.Waitlist;

namespace ClinicHip.Domain.UnitTests.Patients;

public class PatientMergeTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTime Now = new(2026, 11, 21, 1, 0, 0, DateTimeKind.Utc);

    private static Patient Record() => Patient.Record(new PatientDetails(
        new PersonName("José", "Lee"), new DateOnly(1984, 6, 2), Sex.Male, "+61412345678", null, null, null, ContactMethod.Phone,
        ReminderConsent.None, null, MedicalAlerts.None), Today);

    private static Patient Registered() => Patient.Register(Guid.NewGuid(), new PersonName("José", "Lee"), new DateOnly(1984, 6, 2), "jose@example.com", "+61412345678", Today);

    private static PatientHoldings Holding(params Appointment[] appointments) => new(appointments, [], [], [], [], []);

    [Fact]
    public void Merge_WithAnAppointmentAndAnAccount_MovesThemAndLeavesAnArchivedPointer()
    {
        var merged = Registered();
        var survivor = Record();
        var account = merged.UserId;
        var appointment = SchedulingFixtures.Book();
        var week = RunningLoadWeek.Record(merged.Id, Today, 30, 4, 12, RunningLoadSource.Patient);

        PatientMerge.Merge(merged, Holding(appointment) with { RunningLoadWeeks = [week] }, survivor, [], [], Now);

        appointment.PatientId.ShouldBe(survivor.Id);
        appointment.OccupiedCells.Where(c => c.Owner == DiaryOwner.Patient).ShouldAllBe(c => c.OwnerId == survivor.Id.Value);
        appointment.OccupiedCells.Where(c => c.Owner == DiaryOwner.Clinician).ShouldNotBeEmpty();
        week.PatientId.ShouldBe(survivor.Id);
        survivor.UserId.ShouldBe(account);
        merged.UserId.ShouldBeNull();
        merged.MergedIntoId.ShouldBe(survivor.Id);
        merged.IsArchived.ShouldBeTrue();
    }

    [Fact]
    public void Merge_WithAWaitlistEntryTheSurvivorAlsoHas_WithdrawsItReleasingItsHold_AndMovesTheOthers()
    {
        var merged = Record();
        var survivor = Record();
        var type = SchedulingFixtures.InitialAssessment();
        var locations = SchedulingFixtures.LocationsIn();
        var from = DateOnly.FromDateTime(SchedulingFixtures.MondayNineLocal);
        WaitlistEntry Wait(PatientId patient, ClinicianId? clinician) => WaitlistEntry.Join(
            patient, type, AppointmentMode.InPerson, clinician, null, from, from.AddDays(7), PreferredTimes.AnyTime, locations, SchedulingFixtures.Now, byPatient: false, openEntries: []);
        var clinician = SchedulingFixtures.Clinician();
        var duplicate = Wait(merged.Id, null);
        var other = Wait(merged.Id, clinician.Id);
        var survivorsOwn = Wait(survivor.Id, null);
        var hold = Appointment.Hold(merged.Id, clinician, type, SchedulingFixtures.MondayNineLocal, AppointmentMode.InPerson, SchedulingFixtures.ByStaff());
        var offer = WaitlistOffer.Make(duplicate, hold, SchedulingFixtures.Now, TimeSpan.FromMinutes(15));

        PatientMerge.Merge(merged, Holding(hold) with { WaitlistEntries = [duplicate, other], WaitlistOffers = [offer] }, survivor, [], [], SchedulingFixtures.Now,
            [survivorsOwn]);

        duplicate.Status.ShouldBe(WaitlistEntryStatus.Withdrawn);
        offer.Status.ShouldBe(WaitlistOfferStatus.Withdrawn);
        hold.OccupiedCells.ShouldBeEmpty("the withdrawn offer's slot is released");
        other.Status.ShouldBe(WaitlistEntryStatus.Waiting, "a different clinician is a different wish");
        new[] { duplicate.PatientId, other.PatientId, offer.PatientId, hold.PatientId }.ShouldAllBe(p => p == survivor.Id);
    }

    [Fact]
    public void Merge_IntoItself_IsAConflict()
    {
        var patient = Record();

        Should.Throw<StateConflictException>(() => PatientMerge.Merge(patient, Holding(), patient, [], [], Now)).Code.ShouldBe("patient.merge-into-itself");
    }

    [Fact]
    public void Merge_WhenEitherWasAlreadyMerged_IsAConflict()
    {
        var first = Record();
        var second = Record();
        PatientMerge.Merge(first, Holding(), second, [], [], Now);

        Should.Throw<StateConflictException>(() => PatientMerge.Merge(first, Holding(), Record(), [], [], Now)).Code.ShouldBe("patient.already-merged");
        Should.Throw<StateConflictException>(() => PatientMerge.Merge(Record(), Holding(), first, [], [], Now)).Code.ShouldBe("patient.already-merged");
    }

    [Fact]
    public void Merge_WhenBothHaveAccounts_IsAConflictAndChangesNothing()
    {
        var merged = Registered();
        var survivor = Registered();

        Should.Throw<StateConflictException>(() => PatientMerge.Merge(merged, Holding(), survivor, [], [], Now)).Code.ShouldBe("patient.merge-both-have-accounts");
        merged.IsMerged.ShouldBeFalse();
        merged.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void Merge_WithAppointmentsAtTheSameTime_IsAConflictAndMovesNothing()
    {
        var merged = Record();
        var appointment = SchedulingFixtures.Book();
        var overlapping = SchedulingFixtures.Book(SchedulingFixtures.MondayNineLocal.AddMinutes(30));

        Should.Throw<StateConflictException>(() => PatientMerge.Merge(merged, Holding(appointment), Record(), [overlapping], [], Now))
            .Code.ShouldBe("patient.merge-appointments-overlap");
        appointment.PatientId.ShouldNotBe(merged.Id);
        merged.IsMerged.ShouldBeFalse();
    }

    [Fact]
    public void MergedAppointmentsMustNotOverlapRule_BackToBackAppointments_HoldsTheRule()
    {
        var first = SchedulingFixtures.Book();
        var afterwards = SchedulingFixtures.Book(SchedulingFixtures.MondayNineLocal.AddMinutes(45));

        new MergedAppointmentsMustNotOverlapRule([first], [afterwards]).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void MergedRunningLoadWeeksMustNotCollideRule_SameWeek_IsBroken()
    {
        var mine = RunningLoadWeek.Record(PatientId.New(), Today, 30, 4, 12, RunningLoadSource.Patient);
        var theirs = RunningLoadWeek.Record(PatientId.New(), Today.AddDays(1), 20, 3, 10, RunningLoadSource.Clinician);
        var earlier = RunningLoadWeek.Record(PatientId.New(), Today.AddDays(-7), 20, 3, 10, RunningLoadSource.Clinician);

        theirs.WeekStart.ShouldBe(mine.WeekStart);
        new MergedRunningLoadWeeksMustNotCollideRule([mine], [theirs]).IsBroken().ShouldBeTrue();
        new MergedRunningLoadWeeksMustNotCollideRule([mine], [earlier]).IsBroken().ShouldBeFalse();
    }

    [Fact]
    public void Restore_AMergedRecord_IsAConflict()
    {
        var merged = Record();
        PatientMerge.Merge(merged, Holding(), Record(), [], [], Now);

        Should.Throw<StateConflictException>(merged.Restore).Code.ShouldBe("patient.already-merged");
    }

    [Fact]
    public void ConfirmNotDuplicate_OnAFlaggedRecord_ClearsTheFlag_AndOnAnUnflaggedOneIsAConflict()
    {
        var patient = Registered();
        patient.MarkPossibleDuplicate();

        patient.ConfirmNotDuplicate();

        patient.PossibleDuplicate.ShouldBeFalse();
        Should.Throw<StateConflictException>(patient.ConfirmNotDuplicate).Code.ShouldBe("patient.not-flagged-duplicate");
    }
}
