using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Patients.Rules;

namespace ClinicHip.Domain.UnitTests.Patients;

public class PatientTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static Patient Register(DateOnly dateOfBirth) =>
        Patient.Register(Guid.NewGuid(), new PersonName(" Jordan ", "Lee"), dateOfBirth, " jordan@example.com ", "+61 400 000 123", Today);

    [Fact]
    public void Register_WithPlausibleDateOfBirth_CreatesPatientWithTrimmedDetails()
    {
        var patient = Register(new DateOnly(1991, 3, 14));

        patient.Id.Value.ShouldNotBe(Guid.Empty);
        patient.Name.GivenName.ShouldBe("Jordan");
        patient.Email.ShouldBe("jordan@example.com");
    }

    [Fact]
    public void Register_WhenBornTomorrow_IsNotPossible()
    {
        var violation = Should.Throw<BusinessRuleViolationException>(() => Register(Today.AddDays(1)));

        violation.Code.ShouldBe(new DateOfBirthMustBePlausibleRule(Today, Today).Code);
    }

    [Fact]
    public void Register_WhenBornMoreThan120YearsAgo_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Register(Today.AddYears(-120).AddDays(-1)));

    [Fact]
    public void Register_WhenBornToday_IsPossible() => Register(Today).DateOfBirth.ShouldBe(Today);

    [Theory]
    [InlineData(2026, 3, 13, 34)]
    [InlineData(2026, 3, 14, 35)]
    [InlineData(2026, 11, 21, 35)]
    public void AgeOn_CountsWholeYearsSinceBirth(int year, int month, int day, int expectedAge) =>
        Register(new DateOnly(1991, 3, 14)).AgeOn(new DateOnly(year, month, day)).ShouldBe(expectedAge);
}
