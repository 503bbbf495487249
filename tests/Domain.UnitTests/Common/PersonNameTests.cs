using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.UnitTests.Common;

public class PersonNameTests
{
    [Fact]
    public void Create_TrimsBothParts() => new PersonName("  Sam ", " Okafor ").FullName.ShouldBe("Sam Okafor");

    [Theory]
    [InlineData("", "Okafor")]
    [InlineData("Sam", "   ")]
    public void Create_WithBlankPart_IsNotPossible(string given, string family) =>
        Should.Throw<ArgumentException>(() => new PersonName(given, family));

    [Fact]
    public void Create_WithOverlongPart_IsNotPossible() =>
        Should.Throw<ArgumentException>(() => new PersonName(new string('a', PersonName.MaxLength + 1), "Okafor"));

    [Fact]
    public void Equality_IsByValue() => new PersonName("Sam", "Okafor").ShouldBe(new PersonName("Sam", "Okafor"));

    [Theory]
    [InlineData("jordan", "lee", "J.L.")]
    [InlineData("Émilie", "Ødegaard", "É.Ø.")]
    public void Initials_AreTheFirstLetterOfEachPart(string given, string family, string initials) =>
        new PersonName(given, family).Initials.ShouldBe(initials);
}
