using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Patients;

namespace ClinicHip.Application.UnitTests.Patients;

public class PhoneNormaliserTests
{
    [Theory]
    [InlineData("0412 345 678", "+61412345678")]
    [InlineData("+61 412 345 678", "+61412345678")]
    [InlineData("(07) 5555 0100", "+61755550100")]
    [InlineData("+64 21 123 4567", "+64211234567")]
    public void TryToE164_InTheAustralianRegion_GivesOneFormPerNumber(string typed, string e164) =>
        PhoneNormaliser.TryToE164(typed, "AU").ShouldBe(e164);

    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    public void TryToE164_WhenNotANumber_IsNull(string typed) => PhoneNormaliser.TryToE164(typed, "AU").ShouldBeNull();

    [Fact]
    public void ToE164_WhenNotANumber_Refuses400OnTheField() =>
        Should.Throw<ValidationException>(() => PhoneNormaliser.ToE164("12", "AU", "emergencyContact.phone")).Errors.Keys.ShouldBe(["emergencyContact.phone"]);

    [Theory]
    [InlineData("AU", true)]
    [InlineData("NZ", true)]
    [InlineData("XX", false)]
    [InlineData("au", false)]
    public void IsKnownRegion_ForIsoRegions_IsTrue(string region, bool known) => PhoneNormaliser.IsKnownRegion(region).ShouldBe(known);
}
