using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake;

/// <summary>
/// Vignettes from standard hip and low-back screening (docs/clinical-basis.md, "Red flags beyond the running literature"):
/// emergencies and urgent cases that must be caught, and look-alikes that must not be over-triaged.
/// </summary>
public class ScreeningVignetteTests(ITestOutputHelper output)
{
    public enum Group
    {
        Emergency,
        Urgent,
        Soon,
        LookAlike,
    }

    /// <param name="Story">What the patient reports.</param>
    /// <param name="Group">Why the vignette is here.</param>
    /// <param name="Answers">The answers.</param>
    /// <param name="Age">Age on the day.</param>
    /// <param name="Level">The level a clinician expects.</param>
    /// <param name="Flags">Flags that must be among those raised.</param>
    /// <param name="MustSuggest">A condition that must be suggested.</param>
    /// <param name="InPerson">Whether telehealth alone is not enough.</param>
    public sealed record Vignette(string Story, Group Group, HipIntakeAnswers Answers, int Age, TriageLevel Level, string[] Flags, HipCondition? MustSuggest, bool InPerson)
    {
        public override string ToString() => Story;
    }

    private static readonly HipIntakeAnswers Buttock = Baseline().At(PainLocation.BackOfHipOrButtock, PainLocation.LowerBack, PainLocation.RadiatingDownLeg);

    internal static readonly Vignette[] All =
    [
        // Emergencies: cauda equina, septic arthritis, hip fracture after a fall.
        new("Saddle numbness and new trouble passing urine with buttock pain", Group.Emergency,
            Buttock.Neuro(NeurologicalSymptom.SaddleNumbness, NeurologicalSymptom.NewBladderOrBowelChange), 41,
            TriageLevel.Emergency, ["red-flag.cauda-equina"], HipCondition.LumbarRadiculopathyOrReferredPain, true),
        new("New bowel change with back and hip pain", Group.Emergency, Buttock.Neuro(NeurologicalSymptom.NewBladderOrBowelChange), 36,
            TriageLevel.Emergency, ["red-flag.cauda-equina"], null, true),
        new("Post-partum runner with saddle numbness", Group.Emergency,
            Baseline().Groin().Female(MenstrualStatus.PostPartumWithinTwelveMonths).Neuro(NeurologicalSymptom.SaddleNumbness), 33,
            TriageLevel.Emergency, ["red-flag.cauda-equina"], null, true),
        new("Saddle numbness with pain in both legs and weakness", Group.Emergency,
            Buttock.Neuro(NeurologicalSymptom.SaddleNumbness, NeurologicalSymptom.PainInBothLegs, NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop), 52,
            TriageLevel.Emergency, ["red-flag.cauda-equina", "red-flag.progressive-weakness"], HipCondition.LumbarRadiculopathyOrReferredPain, true),
        new("Adult with fever and a hip that will not bear weight", Group.Emergency,
            Baseline().Groin().Systemic(SystemicSymptom.Fever) with { AbleToBearWeight = false, Onset = Onset.Sudden }, 38,
            TriageLevel.Emergency, ["red-flag.septic-arthritis", "red-flag.cannot-bear-weight"], HipCondition.SepticArthritis, true),
        new("Child of 11 with a fever and a limp, still walking", Group.Emergency,
            Baseline().Groin().Systemic(SystemicSymptom.Fever) with { Limp = true, Onset = Onset.Sudden }, 11,
            TriageLevel.Emergency, ["red-flag.septic-arthritis", "red-flag.slipped-epiphysis"], HipCondition.SepticArthritis, true),
        new("Adolescent of 15 feeling unwell, cannot bear weight", Group.Emergency,
            Baseline().Groin().Systemic(SystemicSymptom.FeelingUnwell) with { AbleToBearWeight = false }, 15,
            TriageLevel.Emergency, ["red-flag.septic-arthritis"], HipCondition.SlippedCapitalFemoralEpiphysis, true),
        new("Fever two weeks after a hip injection, cannot bear weight", Group.Emergency,
            Baseline().Groin().Systemic(SystemicSymptom.Fever).History(MedicalHistory.RecentHipInjectionInfectionOrSurgery) with { AbleToBearWeight = false }, 61,
            TriageLevel.Emergency, ["red-flag.septic-arthritis", "red-flag.fever-infection-prone"], HipCondition.SepticArthritis, true),
        new("Fall at 72, groin pain, cannot stand on the leg", Group.Emergency, Baseline().Groin().Fell(canBearWeight: false), 72,
            TriageLevel.Emergency, ["red-flag.hip-fracture", "red-flag.occult-hip-fracture"], HipCondition.FragilityOrOccultHipFracture, true),
        new("Fall at 55 onto the outside of the hip, cannot bear weight", Group.Emergency, Baseline().Fell(canBearWeight: false), 55,
            TriageLevel.Emergency, ["red-flag.hip-fracture"], HipCondition.HipPointer, true),
        new("Fall at 44 with osteoporosis, cannot bear weight", Group.Emergency,
            Baseline().Groin().Fell(canBearWeight: false).History(MedicalHistory.LowBoneDensity), 44,
            TriageLevel.Emergency, ["red-flag.hip-fracture"], HipCondition.FragilityOrOccultHipFracture, true),

        // Urgent.
        new("Boy of 13 with knee pain only and a limp", Group.Urgent, Baseline().At(PainLocation.Knee) with { Limp = true }, 13,
            TriageLevel.Urgent, ["red-flag.slipped-epiphysis"], HipCondition.SlippedCapitalFemoralEpiphysis, true),
        new("Girl of 12 with thigh pain and a limp, no injury", Group.Urgent, Baseline().At(PainLocation.Thigh) with { Limp = true }, 12,
            TriageLevel.Urgent, ["red-flag.slipped-epiphysis"], HipCondition.SlippedCapitalFemoralEpiphysis, true),
        new("Runner of 15, groin pain, cannot bear weight, no fever", Group.Urgent, Baseline().Groin() with { AbleToBearWeight = false }, 15,
            TriageLevel.Urgent, ["red-flag.slipped-epiphysis", "red-flag.cannot-bear-weight"], HipCondition.SlippedCapitalFemoralEpiphysis, true),
        new("Past breast cancer, new groin pain worse at night", Group.Urgent, Baseline().Groin().Female(MenstrualStatus.PostMenopausal)
            .History(MedicalHistory.Cancer).Pain(atRest: 4, atNight: 6), 58,
            TriageLevel.Urgent, ["red-flag.cancer-history"], HipCondition.Malignancy, true),
        new("Past prostate cancer with unexplained weight loss", Group.Urgent,
            Baseline().Groin().History(MedicalHistory.Cancer).Systemic(SystemicSymptom.UnexplainedWeightLoss), 67,
            TriageLevel.Urgent, ["red-flag.cancer-history", "red-flag.systemic-symptoms"], HipCondition.Malignancy, true),
        new("Past cancer, constant thigh pain that nothing eases", Group.Urgent,
            Baseline().At(PainLocation.Thigh).History(MedicalHistory.Cancer).Pain(atRest: 2, atNight: 2) with { NothingEasesPain = true }, 49,
            TriageLevel.Urgent, ["red-flag.cancer-history", "red-flag.pain-spreading-or-not-easing"], HipCondition.Malignancy, true),
        new("Buttock and leg pain with foot drop and numbness", Group.Urgent,
            Buttock.Neuro(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop, NeurologicalSymptom.LegNumbnessOrPinsAndNeedles), 46,
            TriageLevel.Urgent, ["red-flag.progressive-weakness"], HipCondition.LumbarRadiculopathyOrReferredPain, true),
        new("Leg getting weaker, no pain down the leg", Group.Urgent, Baseline().Neuro(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop), 39,
            TriageLevel.Urgent, ["red-flag.progressive-weakness"], HipCondition.LumbarRadiculopathyOrReferredPain, true),
        new("Fall at 70, groin pain, still walking", Group.Urgent, Baseline().Groin().Fell(canBearWeight: true), 70,
            TriageLevel.Urgent, ["red-flag.occult-hip-fracture"], HipCondition.FragilityOrOccultHipFracture, true),
        new("Fall at 81, groin pain and swelling, walking with a stick", Group.Urgent, Baseline().Groin().Fell(canBearWeight: true) with { Swelling = true }, 81,
            TriageLevel.Urgent, ["red-flag.occult-hip-fracture", "red-flag.fall-with-swelling"], HipCondition.FragilityOrOccultHipFracture, true),
        new("No periods for 4 months, groin pain on runs, steady mileage", Group.Urgent,
            Baseline().Groin().Female(MenstrualStatus.AbsentThreeMonthsOrMore), 22,
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Eating disorder, groin pain on runs, mileage falling", Group.Urgent,
            Baseline().Groin().History(MedicalHistory.EatingDisorderOrLowEnergyAvailability).MileageUp(40, 30), 19,
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Post-menopausal runner with low bone density and groin pain on runs", Group.Urgent,
            Baseline().Groin().Female(MenstrualStatus.PostMenopausal).History(MedicalHistory.LowBoneDensity), 56,
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Previous stress fracture, groin pain on hopping", Group.Urgent,
            Baseline().Groin().History(MedicalHistory.PreviousStressFracture).Worse(AggravatingFactor.HoppingOrImpact), 27,
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Irregular periods, inside-of-thigh groin pain on runs", Group.Urgent,
            Baseline().At(PainLocation.InsideOfThighOrGroin).Female(MenstrualStatus.Irregular), 24,
            TriageLevel.Urgent, ["red-flag.bone-stress-risk"], HipCondition.FemoralNeckStressFracture, true),
        new("Immunosuppressed after a transplant, fever, still walking", Group.Urgent,
            Baseline().Groin().History(MedicalHistory.Immunosuppression).Systemic(SystemicSymptom.Fever), 48,
            TriageLevel.Urgent, ["red-flag.fever-infection-prone"], HipCondition.SepticArthritis, true),
        // Emergency since form version 3: after a procedure, infection is assumed whether or not the patient walks (#post-procedure-infection).
        new("Fever ten days after a hip injection, still walking", Group.Emergency,
            Baseline().History(MedicalHistory.RecentHipInjectionInfectionOrSurgery).Systemic(SystemicSymptom.Fever), 63,
            TriageLevel.Emergency, ["red-flag.post-procedure-infection", "red-flag.fever-infection-prone"], HipCondition.SepticArthritis, true),
        new("Pregnant runner, groin pain on every step", Group.Urgent,
            Baseline().Groin().Female(MenstrualStatus.Pregnant).Worse(AggravatingFactor.EveryWeightBearingStep), 31,
            TriageLevel.Urgent, ["red-flag.pain-every-step"], HipCondition.FemoralNeckStressFracture, true),
        new("Heavy drinker with groin pain on every step", Group.Urgent,
            Baseline().Groin().History(MedicalHistory.HeavyAlcoholUse).Worse(AggravatingFactor.EveryWeightBearingStep), 50,
            TriageLevel.Urgent, ["red-flag.pain-every-step", "red-flag.osteonecrosis-risk"], HipCondition.OsteonecrosisOfFemoralHead, true),

        // Soon, in person.
        new("Long-term prednisolone, deep groin ache", Group.Soon, Baseline().Groin().History(MedicalHistory.LongTermOralCorticosteroids), 45,
            TriageLevel.Soon, ["red-flag.osteonecrosis-risk"], HipCondition.OsteonecrosisOfFemoralHead, true),
        new("Heavy alcohol use, groin ache", Group.Soon, Baseline().Groin().History(MedicalHistory.HeavyAlcoholUse), 42,
            TriageLevel.Soon, ["red-flag.osteonecrosis-risk"], HipCondition.OsteonecrosisOfFemoralHead, true),
        new("Night sweats with outside-of-hip pain", Group.Soon, Baseline() with { NightSweats = true }, 37,
            TriageLevel.Soon, ["red-flag.night-sweats"], null, true),
        // Outside-of-hip pain is managed by telehealth: since form version 3, duration alone does not require a visit (#no-improvement).
        new("Eight weeks on, no better", Group.Soon, Baseline().StartedWeeksAgo(8, PainTrend.NoChange), 35,
            TriageLevel.Soon, ["red-flag.no-improvement-six-weeks"], null, false),
        new("Six weeks on and getting worse", Group.Soon, Baseline().StartedWeeksAgo(6, PainTrend.Worsening), 29,
            TriageLevel.Soon, ["red-flag.no-improvement-six-weeks"], null, false),
        new("Eight weeks on, deep groin ache no better", Group.Soon, Baseline().Groin().StartedWeeksAgo(8, PainTrend.NoChange), 35,
            TriageLevel.Soon, ["red-flag.no-improvement-six-weeks"], null, true),
        new("Ninety minutes of morning stiffness that eases with movement", Group.Soon,
            Baseline().Groin().History(MedicalHistory.InflammatoryArthritis) with { MorningStiffnessMinutes = 90 }, 30,
            TriageLevel.Soon, ["red-flag.inflammatory-stiffness"], null, false),

        // Look-alikes that must stay Routine and need no in-person visit.
        new("Mild snapping at the front of the hip after an 8 % rise, no weight-bearing pain", Group.LookAlike,
            Baseline().Groin().With(MechanicalSymptom.Snapping).Worse(AggravatingFactor.HipFlexionKneeToChest).After(PrecedingChange.MileageIncrease).MileageUp(30, 32.4m), 26,
            TriageLevel.Routine, [], HipCondition.FemoralNeckStressFracture, false),
        new("Self-reported rise of 10 %, dull groin ache", Group.LookAlike, Baseline().Groin().After(PrecedingChange.MileageIncrease).MileageUp(40, 44), 33,
            TriageLevel.Routine, [], HipCondition.FemoralNeckStressFracture, false),
        new("Post-partum groin ache on runs, no weight-bearing pain", Group.LookAlike,
            Baseline().Groin().Female(MenstrualStatus.PostPartumWithinTwelveMonths).Pain(duringRun: 2, afterRun: 2), 32,
            TriageLevel.Routine, [], null, false),
        new("Pregnant, pain at the pubic bone, walking comfortably", Group.LookAlike,
            Baseline().At(PainLocation.PubicBone).Female(MenstrualStatus.Pregnant), 30,
            TriageLevel.Routine, [], HipCondition.PubicBoneStressOrOsteitisPubis, false),
        new("Painless snap at the outside of the hip", Group.LookAlike, Baseline().With(MechanicalSymptom.Snapping).Pain(duringRun: 1, afterRun: 1), 24,
            TriageLevel.Routine, [], HipCondition.ExternalSnappingHip, false),
        new("Buttock pain down the leg with pins and needles, no weakness", Group.LookAlike,
            Buttock.Neuro(NeurologicalSymptom.LegNumbnessOrPinsAndNeedles), 44,
            TriageLevel.Routine, [], HipCondition.LumbarRadiculopathyOrReferredPain, false),
        new("Older runner, 15 minutes of morning stiffness, gradual groin ache", Group.LookAlike,
            Baseline().Groin() with { MorningStiffnessMinutes = 15 }, 58,
            TriageLevel.Routine, [], HipCondition.HipOsteoarthritis, false),
        new("Adolescent of 14 bruised the outside of the hip in a fall, walking normally", Group.LookAlike, Baseline().Fell(canBearWeight: true), 14,
            TriageLevel.Routine, [], HipCondition.HipPointer, false),
        new("Adolescent of 15 with knee pain, no limp", Group.LookAlike, Baseline().At(PainLocation.Knee), 15,
            TriageLevel.Routine, [], HipCondition.SlippedCapitalFemoralEpiphysis, false),
        new("Fall at 45 onto the outside of the hip, no swelling, walking", Group.LookAlike, Baseline().Fell(canBearWeight: true), 45,
            TriageLevel.Routine, [], HipCondition.HipPointer, false),
        new("Cancer treated twenty years ago, pain only when running", Group.LookAlike, Baseline().Groin().History(MedicalHistory.Cancer), 52,
            TriageLevel.Routine, [], null, false),
        new("Long-term steroids, outside-of-hip pain only", Group.LookAlike,
            Baseline().History(MedicalHistory.LongTermOralCorticosteroids).Worse(AggravatingFactor.LyingOnThatSide), 47,
            TriageLevel.Routine, [], HipCondition.TrochantericBursitis, false),
        new("Diabetic runner with outside-of-hip pain, no fever", Group.LookAlike, Baseline().History(MedicalHistory.Diabetes), 59,
            TriageLevel.Routine, [], HipCondition.GlutealTendinopathy, false),
        new("Groin pain worse kicking and twisting after speed work", Group.LookAlike,
            Baseline().Groin().Worse(AggravatingFactor.KickingOrTwisting).After(PrecedingChange.SpeedWork), 23,
            TriageLevel.Routine, [], HipCondition.AthleticPubalgia, false),
        new("Twenty minutes of morning stiffness in a young runner", Group.LookAlike, Baseline() with { MorningStiffnessMinutes = 20 }, 30,
            TriageLevel.Routine, [], null, false),
        new("Four weeks on, no better yet", Group.LookAlike, Baseline().StartedWeeksAgo(4, PainTrend.NoChange), 34,
            TriageLevel.Routine, [], null, false),
        new("Ten weeks on and improving", Group.LookAlike, Baseline().StartedWeeksAgo(10, PainTrend.Improving), 34,
            TriageLevel.Routine, [], null, false),
        new("Regular periods, groin ache after hill repeats", Group.LookAlike,
            Baseline().Groin().Female(MenstrualStatus.Regular).After(PrecedingChange.Hills).Worse(AggravatingFactor.ProlongedSitting), 28,
            TriageLevel.Routine, [], HipCondition.FemoroacetabularImpingement, false),
    ];

    public static TheoryData<Vignette> Vignettes() => new(All);

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Assess_ScreeningVignette_GivesTheExpectedTriage(Vignette vignette)
    {
        var triage = HipTriage.Assess(vignette.Answers, new TriageContext(vignette.Age, Today));

        triage.Level.ShouldBe(vignette.Level, vignette.Story);
        foreach (var flag in vignette.Flags)
        {
            triage.RedFlags.Select(f => f.Code).ShouldContain(flag, vignette.Story);
        }

        if (vignette.Flags.Length == 0)
        {
            triage.RedFlags.ShouldBeEmpty(vignette.Story);
        }

        triage.RequiresInPersonAssessment.ShouldBe(vignette.InPerson, vignette.Story);
        if (vignette.MustSuggest is { } condition)
        {
            triage.SuggestedConditions.Select(s => s.Condition).ShouldContain(condition, vignette.Story);
        }
    }

    [Fact]
    public void Vignettes_CoverEveryGroup_AtLeastForty()
    {
        All.Length.ShouldBeGreaterThanOrEqualTo(40);
        All.Select(v => v.Group).Distinct().Count().ShouldBe(Enum.GetValues<Group>().Length);
    }

    /// <summary>Sensitivity: every Emergency vignette comes back Emergency, every Urgent one at least Urgent; over-triage on the look-alikes.</summary>
    [Fact]
    public void Assess_AllVignettes_EmergencyAndUrgentSensitivityIsComplete()
    {
        var results = All.Select(v => (Vignette: v, Triage: HipTriage.Assess(v.Answers, new TriageContext(v.Age, Today)))).ToList();

        var emergencies = results.Where(r => r.Vignette.Level == TriageLevel.Emergency).ToList();
        var urgents = results.Where(r => r.Vignette.Level == TriageLevel.Urgent).ToList();
        var lookAlikes = results.Where(r => r.Vignette.Group == Group.LookAlike).ToList();
        var emergencyCaught = emergencies.Count(r => r.Triage.Level == TriageLevel.Emergency);
        var urgentCaught = urgents.Count(r => r.Triage.Level >= TriageLevel.Urgent);
        var overTriaged = lookAlikes.Count(r => r.Triage.Level > r.Vignette.Level || (r.Triage.RequiresInPersonAssessment && !r.Vignette.InPerson));

        output.WriteLine($"Vignettes: {All.Length} ({string.Join(", ", All.GroupBy(v => v.Group).Select(g => $"{g.Key} {g.Count()}"))})");
        output.WriteLine($"Emergency sensitivity: {emergencyCaught}/{emergencies.Count} = {Percent(emergencyCaught, emergencies.Count)}");
        output.WriteLine($"Urgent sensitivity: {urgentCaught}/{urgents.Count} = {Percent(urgentCaught, urgents.Count)}");
        output.WriteLine($"Over-triage on look-alikes: {overTriaged}/{lookAlikes.Count} = {Percent(overTriaged, lookAlikes.Count)}");

        emergencyCaught.ShouldBe(emergencies.Count);
        urgentCaught.ShouldBe(urgents.Count);
        overTriaged.ShouldBe(0);
    }

    [Fact]
    public void RedFlagRules_EachFiresInSomeVignette()
    {
        var fired = All.Select(v => (v.Answers, v.Age)).Concat(TriageVignetteTests.All.Select(v => (v.Answers, v.Age)))
            .Concat(Differential.DifferentialVignettes.All.Select(v => (v.Answers, v.Age)))
            .SelectMany(v => HipTriage.Assess(v.Answers, new TriageContext(v.Age, Today)).RedFlags).Select(f => f.Code).ToHashSet();

        HipTriage.RedFlagRules.Select(r => r.Code).Where(code => !fired.Contains(code)).ShouldBeEmpty();
    }

    [Fact]
    public void RedFlagRules_CodesAreUniqueAndBasesAreAnchorsOfTheClinicalBasis()
    {
        var basis = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "clinical-basis.md"));

        HipTriage.RedFlagRules.Select(r => r.Code).ShouldBeUnique();
        HipTriage.RedFlagRules.Where(r => !basis.Contains($"<a id=\"{r.Basis}\"></a>", StringComparison.Ordinal)).Select(r => r.Code).ShouldBeEmpty();
    }

    [Fact]
    public void Assess_RuleFires_ReasonNamesTheAnswersAndTheBasis()
    {
        var triage = HipTriage.Assess(Baseline().At(PainLocation.Knee) with { Limp = true }, new TriageContext(13, Today));

        var flag = triage.RedFlags.ShouldHaveSingleItem();
        flag.FiredBy.ShouldBe(["aged 13", "knee pain", "a limp"]);
        flag.Basis.ShouldBe("docs/clinical-basis.md#scfe");
        triage.Reasons.ShouldNotBeNull().ShouldHaveSingleItem().Rule.ShouldBe("red-flag.slipped-epiphysis");
        triage.Advice.ShouldNotBeNull().Instructions.ShouldContain(i => i.Contains("Stop running", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TriageLevel.Emergency, "emergency department now")]
    [InlineData(TriageLevel.Urgent, "within 24 hours")]
    [InlineData(TriageLevel.Soon, "next few days")]
    [InlineData(TriageLevel.Routine, "time that suits you")]
    public void AdviceFor_EachLevel_SaysWhatToDoAndWhenToSeekEmergencyCare(TriageLevel level, string whatToDo)
    {
        var advice = TriageAdvice.For(level, inPerson: true, []);

        advice.WhatToDo.ShouldContain(whatToDo, Case.Insensitive);
        advice.WhenToSeekEmergencyCare.ShouldContain("emergency department");
    }

    [Fact]
    public void Assess_SelfReportedRiseAlone_KeepsTheSuggestionButNotTheLevel()
    {
        var answers = Baseline().Groin().After(PrecedingChange.MileageIncrease).MileageUp(50, 54);

        var triage = HipTriage.Assess(answers, new TriageContext(30, Today));
        var withRecordedSpike = HipTriage.Assess(answers, new TriageContext(30, Today, RecordedLoadSpike: true));

        triage.SuggestedConditions[0].Condition.ShouldBe(HipCondition.FemoralNeckStressFracture);
        triage.Level.ShouldBe(TriageLevel.Routine);
        triage.RequiresInPersonAssessment.ShouldBeFalse();
        withRecordedSpike.Level.ShouldBe(TriageLevel.Soon);
        withRecordedSpike.RequiresInPersonAssessment.ShouldBeTrue();
        withRecordedSpike.Reasons.ShouldNotBeNull().Single().FiredBy.ShouldBe(["recorded running weeks show a load spike"]);
    }

    [Fact]
    public void Catalogue_ScreeningConditions_CodedOnlyWhereUnambiguous()
    {
        ConditionCatalogue.Get(HipCondition.SlippedCapitalFemoralEpiphysis).Icd10.ShouldBe("M93.0");
        ConditionCatalogue.Get(HipCondition.Malignancy).Icd10.ShouldBeNull();
        ConditionCatalogue.Get(HipCondition.LumbarRadiculopathyOrReferredPain).Icd10.ShouldBeNull();
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0} %";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ClinicHip.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ClinicHip.sln not found above the test output.");
    }
}
