using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>The clinician's explanation: why the level, what was not counted, and why each suggestion ranks where it does.</summary>
public class TriageExplanationTests
{
    [Fact]
    public void Assess_BackOnsetButtockAndThighPain_RanksTheSpineAboveTheButtockMuscleAndSaysWhy()
    {
        var answers = Baseline().At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock, PainLocation.Thigh).Worse(AggravatingFactor.ProlongedSitting);

        var triage = HipTriage.Assess(answers, new TriageContext(50, Today));

        var ranks = triage.Explanation.ShouldNotBeNull().Suggestions;
        ranks[0].Condition.ShouldBe(HipCondition.LumbarOrSacroiliacReferredPain);
        ranks[0].Why.ShouldContain("spine is considered before the hip");
        var piriformis = ranks.Single(r => r.Condition == HipCondition.PiriformisSyndrome);
        piriformis.Rank.ShouldBeGreaterThan(1);
        piriformis.Why.ShouldContain("points to the spine before a buttock muscle");
        triage.SuggestedConditions.Select(s => s.Condition).ShouldBe(ranks.Select(r => r.Condition));
    }

    [Fact]
    public void Assess_MustRuleOutFirst_TheOthersSayTheyRankBelowIt()
    {
        var triage = HipTriage.Assess(Baseline().At(PainLocation.Knee, PainLocation.Thigh) with { Limp = true }, new TriageContext(12, Today));

        var ranks = triage.Explanation.ShouldNotBeNull().Suggestions;
        ranks[0].Condition.ShouldBe(HipCondition.SlippedCapitalFemoralEpiphysis);
        ranks[0].Why.ShouldBe("Must be ruled out first.");
    }

    [Fact]
    public void Assess_EveryLevel_ExplainsWhichRuleAndAnswersLedToIt()
    {
        var triage = HipTriage.Assess(Baseline().Neuro(NeurologicalSymptom.SaddleNumbness), new TriageContext(40, Today));

        triage.Explanation.ShouldNotBeNull().Level[0].ShouldBe("Emergency: red-flag.cauda-equina, from saddle numbness.");
        HipTriage.Assess(Baseline(), new TriageContext(40, Today)).Explanation.ShouldNotBeNull().Level[0].ShouldBe("Routine: no red flag fired.");
    }

    [Fact]
    public void Assess_FeverFromAColdAndSixWeeksOfLateralPain_SaysWhatWasNotCountedAndWhy()
    {
        var answers = Baseline().Worse(AggravatingFactor.Stairs).StartedWeeksAgo(8, PainTrend.NoChange).Systemic(SystemicSymptom.Fever)
            with { FeverBeganWithHipPain = false };

        var triage = HipTriage.Assess(answers, new TriageContext(45, Today));

        triage.Level.ShouldBe(TriageLevel.Soon);
        triage.RequiresInPersonAssessment.ShouldBeFalse();
        var notCounted = triage.Explanation.ShouldNotBeNull().NotCounted;
        notCounted.ShouldContain(n => n.Contains("began with another illness", StringComparison.Ordinal));
        notCounted.ShouldContain(n => n.Contains("telehealth can manage", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_SixWeeksUnimprovedWithNothingTelehealthCanManage_GoesInPersonWithAReason()
    {
        var triage = HipTriage.Assess(Baseline().Groin().StartedWeeksAgo(8, PainTrend.Worsening), new TriageContext(45, Today));

        triage.RequiresInPersonAssessment.ShouldBeTrue();
        triage.Reasons.ShouldNotBeNull().ShouldContain(r => r.Rule == HipTriage.NoImprovementInPersonCode);
    }
}
