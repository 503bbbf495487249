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
    public void Terms_OfASearch_AreWordPrefixesOfTheKeysWords()
    {
        var words = PatientSearchKey.WordsOf(PatientSearchKey.For(new PersonName("José", "Lee")));

        PatientSearchKey.Terms("jos LEE").ShouldAllBe(term => words.Any(w => IsInPrefixRange(w, term)));
        PatientSearchKey.Terms("ose").ShouldNotContain(term => words.Any(w => IsInPrefixRange(w, term)));
    }

    [Fact]
    public void Terms_RepeatedWords_AreGivenOnce() => PatientSearchKey.Terms("lee Lee LÉE").ShouldBe(["lee"]);

    [Fact]
    public void WordsOf_AKey_GivesEachWordOnce() =>
        PatientSearchKey.WordsOf(PatientSearchKey.For(new PersonName("Lee Ann", "Lee"))).ShouldBe(["ann", "lee"]);

    [Theory]
    [InlineData("jos", "jot")]
    [InlineData("patient9", "patient:")]
    [InlineData("z", "{")]
    public void PrefixEnd_OfAPrefix_IsTheFirstStringAfterItsWords(string prefix, string end) => PatientSearchKey.PrefixEnd(prefix).ShouldBe(end);

    [Theory]
    [InlineData("jose", "jos", true)]
    [InlineData("jos", "jos", true)]
    [InlineData("jot", "jos", false)]
    [InlineData("jor", "jos", false)]
    [InlineData("patient42420", "patient4242", true)]
    [InlineData("patient4243", "patient4242", false)]
    public void PrefixEnd_RangeFromThePrefix_HoldsExactlyTheWordsStartingWithIt(string word, string prefix, bool inRange) =>
        IsInPrefixRange(word, prefix).ShouldBe(inRange);

    private static bool IsInPrefixRange(string word, string prefix) =>
        string.CompareOrdinal(word, prefix) >= 0 && string.CompareOrdinal(word, PatientSearchKey.PrefixEnd(prefix)) < 0;
}
