using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>Who is asked which version-3 question: an answer to a question not asked is refused.</summary>
public class IntakeQuestionsTests
{
    [Fact]
    public void NotApplicable_TheCommonCaseAnsweringNothingExtra_IsEmpty()
    {
        IntakeQuestions.NotApplicable(Baseline(), 34).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Sex.Male, null, 30)]
    [InlineData(Sex.Female, MenstrualStatus.PostMenopausal, 58)]
    [InlineData(Sex.Female, MenstrualStatus.Pregnant, 30)]
    [InlineData(Sex.Female, MenstrualStatus.Regular, 8)]
    [InlineData(Sex.Female, MenstrualStatus.Regular, 60)]
    [InlineData(null, null, 30)]
    public void NotApplicable_LatePeriodFromSomeoneWhoCannotBePregnant_IsRefused(Sex? sex, MenstrualStatus? status, int age)
    {
        var answers = Baseline() with { Sex = sex, MenstrualStatus = status, PeriodLateOrMissed = true };

        IntakeQuestions.NotApplicable(answers, age).Keys.ShouldBe(["answers.periodLateOrMissed"]);
    }

    [Fact]
    public void NotApplicable_EachQuestionAskedOfTheWrongPatient_NamesItsField()
    {
        var answers = Baseline().Female(MenstrualStatus.Regular) with
        {
            TesticularPain = false, PopAtOnset = true, GroinLump = GroinLump.ComesAndGoes, TemperatureCelsius = 38m, FeverBeganWithHipPain = true,
            ShouldersAndHipsStiff = true,
        };

        IntakeQuestions.NotApplicable(answers, 30).Keys.ShouldBe(
        [
            "answers.testicularPain", "answers.popAtOnset", "answers.groinLump", "answers.temperatureCelsius", "answers.feverBeganWithHipPain",
            "answers.shouldersAndHipsStiff",
        ], ignoreOrder: true);
    }

    [Fact]
    public void NotApplicable_EachQuestionAskedOfTheRightPatient_IsAccepted()
    {
        var answers = Baseline().Groin().Began(2, Onset.Sudden).Systemic(SystemicSymptom.Fever) with
        {
            Sex = Sex.Intersex, TesticularPain = false, PeriodLateOrMissed = false, PopAtOnset = false, GroinLump = GroinLump.ComesAndGoes,
            TemperatureCelsius = 38m, FeverBeganWithHipPain = true, ShouldersAndHipsStiff = false,
        };

        IntakeQuestions.NotApplicable(answers, 52).ShouldBeEmpty();
    }
}
