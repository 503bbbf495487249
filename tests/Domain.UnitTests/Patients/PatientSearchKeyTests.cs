using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.UnitTests.Patients;

public class PatientSearchKeyTests
{
    [Theory]
    [InlineData("José", "Lee", " jose lee")]
    [InlineData("LEE", "JOSÉ", " jose lee")]
    [InlineData("Ana María", "Núñez", " ana maria nunez")]
    [InlineData("Liam", "O'Brien", " brien liam o")]
    [InlineData("Amelia", "Smith-Jones", " amelia jones smith")]
    public void For_AnyCaseAccentsOrWordOrder_GivesTheSameSortedKey(string given, string family, string key) =>
        PatientSearchKey.For(new PersonName(given, family)).ShouldBe(key);

    [Fact]
    public void Terms_OfASearch_AreWordPrefixesFoundInTheKey()
    {
        var key = PatientSearchKey.For(new PersonName("José", "Lee"));

        PatientSearchKey.Terms("jos LEE").ShouldAllBe(term => key.Contains(term, StringComparison.Ordinal));
        PatientSearchKey.Terms("ose").ShouldNotContain(term => key.Contains(term, StringComparison.Ordinal));
    }

    [Fact]
    public void Terms_RepeatedWords_AreGivenOnce() => PatientSearchKey.Terms("lee Lee LÉE").ShouldBe([" lee"]);
}
