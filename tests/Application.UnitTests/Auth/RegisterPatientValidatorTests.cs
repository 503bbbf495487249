using ClinicHip.Application.Auth;

namespace ClinicHip.Application.UnitTests.Auth;

public class RegisterPatientValidatorTests
{
    private static readonly RegisterPatientCommand Valid = new("jordan@example.com", "long-enough-pass", "Jordan", "Lee", new DateOnly(1991, 3, 14), "+61 400 000 123");
    private readonly RegisterPatientValidator validator = new();

    [Fact]
    public void Validate_WithCompleteRegistration_Passes() => validator.Validate(Valid).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("0400 000 123")]
    [InlineData("+44 (20) 7946-0958")]
    public void Validate_WithUsualPhoneFormats_Passes(string phone) => validator.Validate(Valid with { Phone = phone }).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+61 400 000 123 456 789 0")]
    public void Validate_WithMalformedPhone_FailsOnPhone(string phone) =>
        validator.Validate(Valid with { Phone = phone }).Errors.ShouldContain(e => e.PropertyName == nameof(RegisterPatientCommand.Phone));

    [Fact]
    public void Validate_WithOverlongPassword_Fails() =>
        validator.Validate(Valid with { Password = new string('x', 129) }).IsValid.ShouldBeFalse();

    [Fact]
    public void Validate_WithoutDateOfBirth_Fails() =>
        validator.Validate(Valid with { DateOfBirth = default }).Errors.ShouldContain(e => e.PropertyName == nameof(RegisterPatientCommand.DateOfBirth));
}
