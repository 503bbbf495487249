using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Patients.Rules;

namespace ClinicHip.Domain.UnitTests.Patients;

public class PatientRecordTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateTime Now = new(2026, 11, 21, 1, 0, 0, DateTimeKind.Utc);

    private static PatientDetails Details(string phone = "+61412345678", MedicalAlerts? alerts = null) => new(
        new PersonName("José", "Lee"), new DateOnly(1984, 6, 2), Sex.Male, phone, null, null, null, ContactMethod.Phone,
        ReminderConsent.None, null, alerts ?? MedicalAlerts.None);

    [Fact]
    public void Record_WithoutAccount_CreatesARecordWithASearchKey()
    {
        var patient = Patient.Record(Details(), Today);

        patient.UserId.ShouldBeNull();
        patient.SearchName.ShouldBe(" jose lee");
        patient.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void Correct_ChangingPhoneAndAlerts_ReportsExactlyThoseFieldsBeforeAndAfter()
    {
        var patient = Patient.Record(Details(), Today);
        var version = patient.Version;

        var changes = patient.Correct(Details("+61499111222", new MedicalAlerts(MedicalAlertKinds.MobilityAid, "Crutches")), Today);

        changes.ShouldBe([
            new PatientFieldChange("phone", "+61412345678", "+61499111222"),
            new PatientFieldChange("alerts", "None", "MobilityAid: Crutches"),
        ]);
        patient.Phone.ShouldBe("+61499111222");
        patient.Version.ShouldNotBe(version);
    }

    [Fact]
    public void Correct_WithTheSameDetails_ChangesNothing()
    {
        var patient = Patient.Record(Details(), Today);
        var version = patient.Version;

        patient.Correct(Details(), Today).ShouldBeEmpty();
        patient.Version.ShouldBe(version);
    }

    [Fact]
    public void EnsureBookable_WhenArchived_IsNotPossible()
    {
        var patient = Patient.Record(Details(), Today);
        patient.Archive(Now);

        Should.Throw<BusinessRuleViolationException>(patient.EnsureBookable).Code.ShouldBe(new ArchivedPatientCannotBeBookedRule(patient).Code);
    }

    [Fact]
    public void Archive_WhenAlreadyArchived_IsAConflict()
    {
        var patient = Patient.Record(Details(), Today);
        patient.Archive(Now);

        Should.Throw<StateConflictException>(() => patient.Archive(Now)).Code.ShouldBe("patient.already-archived");
    }

    [Fact]
    public void Restore_AfterArchive_MakesThePatientBookableAgain()
    {
        var patient = Patient.Record(Details(), Today);
        patient.Archive(Now);

        patient.Restore();

        Should.NotThrow(patient.EnsureBookable);
    }

    [Fact]
    public void RecordDeath_ArchivesWithdrawsReminderConsentAndCannotBeRestored()
    {
        var patient = Patient.Record(Details() with { Reminders = new ReminderConsent(Email: false, Sms: true) }, Today);

        patient.RecordDeath(Today.AddDays(-1), Today, Now);

        patient.IsArchived.ShouldBeTrue();
        patient.Reminders.ShouldBe(ReminderConsent.None);
        Should.Throw<StateConflictException>(patient.Restore).Code.ShouldBe("patient.deceased");
    }

    [Fact]
    public void RecordDeath_InTheFuture_IsNotPossible()
    {
        var patient = Patient.Record(Details(), Today);

        Should.Throw<BusinessRuleViolationException>(() => patient.RecordDeath(Today.AddDays(1), Today, Now)).Code.ShouldBe("patient.date-of-death-implausible");
        patient.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public void DateOfDeathMustBePlausibleRule_BeforeBirth_IsBroken() =>
        new DateOfDeathMustBePlausibleRule(new DateOnly(1984, 6, 2), new DateOnly(1984, 6, 1), Today).IsBroken().ShouldBeTrue();

    [Fact]
    public void DateOfDeathMustBePlausibleRule_Today_IsKept() =>
        new DateOfDeathMustBePlausibleRule(new DateOnly(1984, 6, 2), Today, Today).IsBroken().ShouldBeFalse();

    [Fact]
    public void MedicalAlerts_WithANoteOver200Characters_IsRefused() =>
        Should.Throw<ArgumentException>(() => new MedicalAlerts(MedicalAlertKinds.Allergy, new string('x', MedicalAlerts.NoteMaxLength + 1)));
}
