using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake;

/// <summary>Clinical vignettes written from docs/clinical-basis.md: answers → triage level, red flags, a condition to consider, in-person need.</summary>
public class TriageVignetteTests
{
    public sealed record Vignette(
        string Story, HipIntakeAnswers Answers, TriageLevel Level, string[] RedFlags, HipCondition? MustSuggest, bool InPerson, int Age = 34)
    {
        public override string ToString() => Story;
    }

    internal static readonly Vignette[] All =
    [
        new("Outside-of-hip ache, worse lying on that side", Baseline().Worse(AggravatingFactor.LyingOnThatSide),
            TriageLevel.Routine, [], HipCondition.TrochantericBursitis, false),
        new("Outside-of-hip pain rising from a chair", Baseline().Worse(AggravatingFactor.RisingFromChair),
            TriageLevel.Routine, [], HipCondition.TrochantericBursitis, false),
        new("Gradual outside-of-hip pain, worse on stairs", Baseline().Worse(AggravatingFactor.Stairs),
            TriageLevel.Routine, [], HipCondition.GlutealTendinopathy, false),
        new("Outside of hip and knee after cambered roads", Baseline().At(PainLocation.OutsideOfHip, PainLocation.RadiatingToKnee).After(PrecedingChange.CamberedRoads),
            TriageLevel.Routine, [], HipCondition.ItBandSyndrome, false),
        new("Fall onto the hip with swelling", Baseline().After(PrecedingChange.FallOrDirectBlow) with { Swelling = true, Onset = Onset.Sudden },
            TriageLevel.Urgent, ["red-flag.fall-with-swelling"], HipCondition.HipPointer, true),
        new("Fall onto the hip, no swelling", Baseline().After(PrecedingChange.FallOrDirectBlow) with { Onset = Onset.Sudden },
            TriageLevel.Routine, [], HipCondition.HipPointer, false),
        new("Sharp groin pain with clicking and locking", Baseline().Groin().With(MechanicalSymptom.Clicking, MechanicalSymptom.Locking),
            TriageLevel.Routine, [], HipCondition.LabralTear, false),
        new("Groin pain with catching", Baseline().Groin().With(MechanicalSymptom.Catching),
            TriageLevel.Routine, [], HipCondition.LabralTear, false),
        new("Deep groin ache worse after runs and bringing the knee to the chest", Baseline().Groin().Worse(AggravatingFactor.HipFlexionKneeToChest).Pain(duringRun: 3, afterRun: 6),
            TriageLevel.Routine, [], HipCondition.FemoroacetabularImpingement, false),
        new("Groin pain worse with prolonged sitting", Baseline().Groin().Worse(AggravatingFactor.ProlongedSitting),
            TriageLevel.Routine, [], HipCondition.FemoroacetabularImpingement, false),
        new("Snapping at the front of the hip as it flexes", Baseline().Groin().With(MechanicalSymptom.Snapping).Worse(AggravatingFactor.HipFlexionKneeToChest),
            TriageLevel.Routine, [], HipCondition.IliopsoasBursitis, false),
        new("Sudden stab near the leg crease during speed work", Baseline().Groin().Worse(AggravatingFactor.HipFlexionKneeToChest).After(PrecedingChange.SpeedWork) with { Onset = Onset.Sudden },
            TriageLevel.Routine, [], HipCondition.HipFlexorStrain, false),
        new("Groin pain on every step after a rise in mileage", Baseline().Groin().Worse(AggravatingFactor.EveryWeightBearingStep).After(PrecedingChange.MileageIncrease),
            TriageLevel.Urgent, ["red-flag.pain-every-step"], HipCondition.FemoralNeckStressFracture, true),
        new("Cannot put weight on the leg, groin pain", Baseline().Groin() with { AbleToBearWeight = false },
            TriageLevel.Urgent, ["red-flag.cannot-bear-weight"], HipCondition.FemoralNeckStressFracture, true),
        new("Irregular periods, groin pain, mileage up 40 %", Baseline().Groin().History(MedicalHistory.IrregularOrAbsentPeriods).MileageUp(40, 56),
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Previous stress fracture, groin pain after more mileage", Baseline().Groin().History(MedicalHistory.PreviousStressFracture).After(PrecedingChange.MileageIncrease),
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Low bone density, groin pain with flexion, steady mileage: the bone-stress risk stands whatever the mileage",
            Baseline().Groin().History(MedicalHistory.LowBoneDensity).Worse(AggravatingFactor.HipFlexionKneeToChest),
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoroacetabularImpingement, true),
        new("Dull groin ache that began after a mileage rise", Baseline().Groin().MileageUp(30, 45),
            TriageLevel.Soon, [], HipCondition.FemoralNeckStressFracture, true),
        new("Sudden inside-of-thigh pain during speed work", Baseline().At(PainLocation.InsideOfThighOrGroin).After(PrecedingChange.SpeedWork) with { Onset = Onset.Sudden },
            TriageLevel.Routine, [], HipCondition.AdductorStrain, false),
        new("Buttock pain down the leg, worse after long sitting", Baseline().At(PainLocation.BackOfHipOrButtock, PainLocation.RadiatingDownLeg).Worse(AggravatingFactor.ProlongedSitting),
            TriageLevel.Routine, [], HipCondition.PiriformisSyndrome, false),
        new("Buttock pain on stairs with lower-back pain", Baseline().At(PainLocation.BackOfHipOrButtock, PainLocation.LowerBack).Worse(AggravatingFactor.Stairs),
            TriageLevel.Routine, [], HipCondition.PiriformisSyndrome, false),
        new("Buttock pain worse sitting, after hill repeats", Baseline().At(PainLocation.BackOfHipOrButtock).After(PrecedingChange.Hills),
            TriageLevel.Routine, [], HipCondition.HamstringTendinopathy, false),
        new("Older runner with gradual groin stiffness", Baseline().Groin(),
            TriageLevel.Routine, [], HipCondition.HipOsteoarthritis, false, Age: 58),
        new("Diagnosed hip osteoarthritis", Baseline().History(MedicalHistory.HipOsteoarthritis),
            TriageLevel.Routine, [], HipCondition.HipOsteoarthritis, false),
        new("Night pain 9 out of 10", Baseline().Pain(atNight: 9),
            TriageLevel.Urgent, ["red-flag.severe-rest-or-night-pain"], HipCondition.TrochantericBursitis, true),
        new("Pain at rest 8 out of 10", Baseline().Pain(atRest: 8),
            TriageLevel.Urgent, ["red-flag.severe-rest-or-night-pain"], null, true),
        new("Night pain 7: below the red-flag threshold", Baseline().Pain(atNight: 7),
            TriageLevel.Routine, [], HipCondition.TrochantericBursitis, false),
        new("Groin pain with a fever", Baseline().Groin() with { SystemicSymptoms = [SystemicSymptom.Fever] },
            TriageLevel.Urgent, ["red-flag.systemic-symptoms"], null, true),
        new("Unexplained weight loss and feeling unwell", Baseline() with { SystemicSymptoms = [SystemicSymptom.UnexplainedWeightLoss, SystemicSymptom.FeelingUnwell] },
            TriageLevel.Urgent, ["red-flag.systemic-symptoms"], null, true),
        new("Pain spreading to other areas", Baseline() with { PainSpreading = true },
            TriageLevel.Soon, ["red-flag.pain-spreading-or-not-easing"], null, false),
        new("Not easing with rest and anti-inflammatories", Baseline().Pain(atRest: 6) with { TreatmentsTried = [TreatmentTried.Rest, TreatmentTried.Nsaids] },
            TriageLevel.Soon, ["red-flag.pain-spreading-or-not-easing"], null, false),
        new("Rest and anti-inflammatories help: mild rest pain", Baseline().Pain(atRest: 3) with { TreatmentsTried = [TreatmentTried.Rest, TreatmentTried.Nsaids] },
            TriageLevel.Routine, [], null, false),
        new("Cannot bear weight, with a fever: septic arthritis", Baseline() with { AbleToBearWeight = false, SystemicSymptoms = [SystemicSymptom.Fever] },
            TriageLevel.Emergency, ["red-flag.cannot-bear-weight", "red-flag.systemic-symptoms", "red-flag.septic-arthritis"], HipCondition.SepticArthritis, true),
    ];

    public static TheoryData<Vignette> Vignettes() => new(All);

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Assess_ClinicalVignette_GivesTheExpectedTriage(Vignette vignette)
    {
        var triage = HipTriage.Assess(vignette.Answers, new TriageContext(vignette.Age, Today));

        triage.Level.ShouldBe(vignette.Level, vignette.Story);
        triage.RedFlags.Select(f => f.Code).ShouldBe(vignette.RedFlags, ignoreOrder: true, vignette.Story);
        triage.RequiresInPersonAssessment.ShouldBe(vignette.InPerson, vignette.Story);
        if (vignette.MustSuggest is { } condition)
        {
            triage.SuggestedConditions.Select(s => s.Condition).ShouldContain(condition, vignette.Story);
        }
    }

    [Fact]
    public void Vignettes_AreAtLeastTwentyFive() => All.Length.ShouldBeGreaterThanOrEqualTo(25);

    [Fact]
    public void Assess_SuspectedStressFracture_IsRankedFirstWithItsEvidence()
    {
        var answers = Baseline().At(PainLocation.FrontOfHipOrGroin, PainLocation.OutsideOfHip)
            .Worse(AggravatingFactor.EveryWeightBearingStep, AggravatingFactor.LyingOnThatSide, AggravatingFactor.RisingFromChair)
            .After(PrecedingChange.MileageIncrease);

        var first = HipTriage.Assess(answers, new TriageContext(30, Today)).SuggestedConditions[0];

        first.Condition.ShouldBe(HipCondition.FemoralNeckStressFracture);
        first.Evidence.ShouldContain("pain on every weight-bearing step");
        first.Evidence.ShouldContain("mileage went up before it began");
    }

    [Fact]
    public void Assess_NothingOfNote_IsRoutineWithNoFlags()
    {
        var triage = HipTriage.Assess(Baseline() with { PainLocations = [PainLocation.LowerBack] }, new TriageContext(30, Today));

        triage.Level.ShouldBe(TriageLevel.Routine);
        triage.RedFlags.ShouldBeEmpty();
        triage.RequiresInPersonAssessment.ShouldBeFalse();
    }
}
