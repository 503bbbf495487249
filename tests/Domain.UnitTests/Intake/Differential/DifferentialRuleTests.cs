using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>Each red-flag rule of form version 3 on its own: what fires it, what just fails to, and the service it names.</summary>
public class DifferentialRuleTests
{
    private static readonly HipIntakeAnswers Acute = Baseline().Began(1, Onset.Sudden);

    private static RedFlag? Check(IRedFlagRule rule, HipIntakeAnswers answers, int age) => rule.Check(answers, new TriageContext(age, Today));

    [Fact]
    public void LeakingAorticAneurysm_SuddenSevereBackPainInASmokerOver50_CallsAnAmbulance()
    {
        var answers = Acute.At(PainLocation.LowerBack, PainLocation.Flank).Pain(atRest: 7).History(MedicalHistory.Smoking);

        var flag = Check(new LeakingAorticAneurysmRule(), answers, 64).ShouldNotBeNull();

        flag.Level.ShouldBe(TriageLevel.Emergency);
        flag.Service.ShouldBe(EmergencyService.Ambulance);
        flag.FiredBy.ShouldNotBeNull().ShouldContain("smokes");
        Check(new LeakingAorticAneurysmRule(), answers, 45).ShouldBeNull();
        Check(new LeakingAorticAneurysmRule(), answers with { Onset = Onset.Gradual }, 64).ShouldBeNull();
        Check(new LeakingAorticAneurysmRule(), answers with { History = [] }, 64).ShouldBeNull();
        Check(new LeakingAorticAneurysmRule(), answers.After(PrecedingChange.FallOrDirectBlow), 64).ShouldBeNull();
    }

    [Fact]
    public void PostProcedureJointInfection_FeverAfterAnInjectionWhileWalking_IsAnEmergency()
    {
        var answers = Baseline().History(MedicalHistory.RecentHipInjectionInfectionOrSurgery).Systemic(SystemicSymptom.Fever);

        var flag = Check(new PostProcedureJointInfectionRule(), answers, 50).ShouldNotBeNull();

        flag.Level.ShouldBe(TriageLevel.Emergency);
        flag.Service.ShouldBe(EmergencyService.EmergencyDepartment);
        flag.FiredBy.ShouldNotBeNull().ShouldContain("still bearing weight: does not exclude it");
        Check(new PostProcedureJointInfectionRule(), answers with { SystemicSymptoms = [] }, 50).ShouldBeNull();
    }

    [Fact]
    public void PostProcedureJointInfection_WorseningWithDiabetesAndNoFever_IsAnEmergency_WithoutDiabetesItIsNot()
    {
        var answers = Baseline().History(MedicalHistory.RecentHipInjectionInfectionOrSurgery, MedicalHistory.Diabetes) with { Trend = PainTrend.Worsening };

        Check(new PostProcedureJointInfectionRule(), answers, 60).ShouldNotBeNull();
        Check(new PostProcedureJointInfectionRule(), answers.History(MedicalHistory.RecentHipInjectionInfectionOrSurgery), 60).ShouldBeNull();
    }

    [Fact]
    public void EctopicPregnancy_LatePeriodWithNewGroinPain_FiresOnlyWhenNewSuddenOrFaint()
    {
        var answers = Baseline().Groin().Female(MenstrualStatus.Regular).Began(7, Onset.Gradual) with { PeriodLateOrMissed = true };

        Check(new EctopicPregnancyRule(), answers, 28).ShouldNotBeNull().Level.ShouldBe(TriageLevel.Emergency);
        Check(new EctopicPregnancyRule(), answers.Began(150, Onset.Gradual), 28).ShouldBeNull();
        Check(new EctopicPregnancyRule(), answers.Began(150, Onset.Gradual).Systemic(SystemicSymptom.FaintnessOrCollapse), 28).ShouldNotBeNull();
        Check(new EctopicPregnancyRule(), answers with { PeriodLateOrMissed = false }, 28).ShouldBeNull();
    }

    [Fact]
    public void TesticularTorsion_SuddenWithinAWeek_IsAnEmergency_GraduallyItIsSoon()
    {
        var answers = Acute.Male().Groin() with { TesticularPain = true };

        Check(new TesticularTorsionRule(), answers, 14).ShouldNotBeNull().Level.ShouldBe(TriageLevel.Emergency);
        Check(new TesticularTorsionRule(), answers.Began(10, Onset.Sudden), 14).ShouldBeNull();
        Check(new TesticularTorsionRule(), answers with { Onset = Onset.Gradual }, 14).ShouldBeNull();
        Check(new TesticularPainRule(), answers with { Onset = Onset.Gradual }, 14).ShouldNotBeNull().Level.ShouldBe(TriageLevel.Soon);
    }

    [Fact]
    public void IncarceratedHernia_StuckTenderLump_IsAnEmergency_AReducibleOneIsNot()
    {
        var answers = Baseline().Groin().Male() with { GroinLump = GroinLump.StuckAndTender };

        Check(new IncarceratedHerniaRule(), answers, 60).ShouldNotBeNull().Level.ShouldBe(TriageLevel.Emergency);
        Check(new IncarceratedHerniaRule(), answers with { GroinLump = GroinLump.ComesAndGoes }, 60).ShouldBeNull();
        Check(new GroinLumpInWomanRule(), answers with { GroinLump = GroinLump.ComesAndGoes }, 60).ShouldBeNull();
        Check(new GroinLumpInWomanRule(), answers.Female(MenstrualStatus.Regular) with { GroinLump = GroinLump.ComesAndGoes }, 40)
            .ShouldNotBeNull().Level.ShouldBe(TriageLevel.Soon);
    }

    [Fact]
    public void SuddenSevereAbdominalPain_SevereRecentLoinPain_IsAnEmergency_MildOrOldIsNot()
    {
        var answers = Acute.At(PainLocation.Flank).Pain(atRest: 8);

        Check(new SuddenSevereAbdominalPainRule(), answers, 35).ShouldNotBeNull().Level.ShouldBe(TriageLevel.Emergency);
        Check(new SuddenSevereAbdominalPainRule(), answers.Pain(atRest: 4, atNight: 4), 35).ShouldBeNull();
        Check(new SuddenSevereAbdominalPainRule(), answers.Began(20, Onset.Sudden), 35).ShouldBeNull();
    }

    [Fact]
    public void CollapseWithSuddenPain_CallsAnAmbulance_FaintnessWithGradualPainIsUrgent()
    {
        var answers = Acute.Systemic(SystemicSymptom.FaintnessOrCollapse);

        Check(new CollapseWithSuddenPainRule(), answers, 40).ShouldNotBeNull().Service.ShouldBe(EmergencyService.Ambulance);
        Check(new CollapseWithSuddenPainRule(), answers with { Onset = Onset.Gradual }, 40).ShouldBeNull();
        Check(new SystemicSymptomsRule(), answers with { Onset = Onset.Gradual }, 40).ShouldNotBeNull().FiredBy.ShouldBe(["faintness or collapse"]);
    }

    [Fact]
    public void SepticArthritis_ChildWithMeasuredTemperatureAbove385_IsAnEmergencyEvenWalking()
    {
        var answers = Acute.Groin().Systemic(SystemicSymptom.Fever) with { TemperatureCelsius = 38.6m };

        Check(new SepticArthritisRule(), answers, 7).ShouldNotBeNull().FiredBy.ShouldNotBeNull().ShouldContain("measured 38.6 °C");
        Check(new SepticArthritisRule(), answers with { TemperatureCelsius = 38.5m }, 7).ShouldBeNull();
        Check(new SepticArthritisRule(), answers, 30).ShouldBeNull();
    }

    [Fact]
    public void CaudaEquina_SaddleFromTheBurningQuestion_IsAnEmergency()
    {
        Check(new CaudaEquinaRule(), Baseline().Numb(BurningOrNumbArea.Saddle), 40).ShouldNotBeNull().FiredBy.ShouldBe(["saddle numbness"]);
    }

    [Theory]
    [InlineData(2, true, "red-flag.infant-limp")]
    [InlineData(5, true, "red-flag.child-limp")]
    [InlineData(8, true, "red-flag.child-limp")]
    [InlineData(5, false, null)]
    public void ChildLimp_ByAge_UrgentUnderThreeSoonToEight(int age, bool limp, string? code)
    {
        var answers = Baseline().At(PainLocation.Thigh) with { Limp = limp };

        var fired = new IRedFlagRule[] { new InfantLimpRule(), new ChildLimpRule() }.Select(r => Check(r, answers, age)).OfType<RedFlag>().ToList();

        fired.Select(f => f.Code).ShouldBe(code is null ? [] : [code]);
    }

    [Fact]
    public void YoungNightBonePain_NightWorseThanRunningForThreeWeeks_IsUrgent_LyingOnTheSoreSideIsNot()
    {
        var answers = Baseline().At(PainLocation.Thigh).Began(25, Onset.Gradual).Pain(atRest: 2, duringRun: 2, atNight: 5);

        Check(new YoungNightBonePainRule(), answers, 15).ShouldNotBeNull().Level.ShouldBe(TriageLevel.Urgent);
        Check(new YoungNightBonePainRule(), answers.Worse(AggravatingFactor.LyingOnThatSide), 15).ShouldBeNull();
        Check(new YoungNightBonePainRule(), answers.Began(10, Onset.Gradual), 15).ShouldBeNull();
        Check(new YoungNightBonePainRule(), answers, 40).ShouldBeNull();
    }

    [Fact]
    public void PopAtInjury_SuddenPop_IsSoonInPersonAndStopsRunning()
    {
        var flag = Check(new PopAtInjuryRule(), Acute.At(PainLocation.BackOfHipOrButtock) with { PopAtOnset = true }, 20).ShouldNotBeNull();

        flag.Level.ShouldBe(TriageLevel.Soon);
        flag.RequiresInPersonAssessment.ShouldBeTrue();
        flag.PatientInstruction.ShouldNotBeNull().ShouldContain("Stop running");
    }

    [Fact]
    public void Polymyalgia_ShouldersAndHipsStiffOver50_IsSoonAndWarnsAboutHeadacheAndJaw()
    {
        var flag = Check(new PolymyalgiaRule(), Baseline() with { ShouldersAndHipsStiff = true }, 70).ShouldNotBeNull();

        flag.Level.ShouldBe(TriageLevel.Soon);
        flag.PatientInstruction.ShouldNotBeNull().ShouldContain("jaw");
        Check(new PolymyalgiaRule(), Baseline() with { ShouldersAndHipsStiff = false }, 70).ShouldBeNull();
    }

    [Fact]
    public void SystemicSymptoms_FeverThatBeganWithAnotherIllness_DoesNotCountAlone_WeightLossStillDoes()
    {
        var cold = Baseline().Systemic(SystemicSymptom.Fever, SystemicSymptom.FeelingUnwell) with { FeverBeganWithHipPain = false };

        Check(new SystemicSymptomsRule(), cold, 30).ShouldBeNull();
        Check(new SystemicSymptomsRule(), cold with { FeverBeganWithHipPain = null }, 30).ShouldNotBeNull();
        Check(new SystemicSymptomsRule(), cold.Systemic(SystemicSymptom.Fever, SystemicSymptom.UnexplainedWeightLoss), 30)
            .ShouldNotBeNull().FiredBy.ShouldBe(["unexplained weight loss"]);
        Check(new FeverWhenInfectionProneRule(), cold.History(MedicalHistory.Immunosuppression), 30).ShouldNotBeNull();
    }

    [Fact]
    public void Catalogue_CausesOutsideTheMusculoskeletalSystem_AreReferEntriesWithoutAnIcd10Code()
    {
        var refer = ConditionCatalogue.All.Where(c => c.Refer).ToList();

        refer.Select(c => c.Code).ShouldBe([HipCondition.InguinalOrFemoralHernia, HipCondition.ArterialClaudication, HipCondition.AbdominalAorticAneurysm,
            HipCondition.EctopicPregnancy, HipCondition.TesticularTorsion, HipCondition.KidneyStone, HipCondition.GynaecologicalCause], ignoreOrder: true);
        refer.ShouldAllBe(c => c.Icd10 == null && c.Region == BodyRegion.Referred);
        Enum.GetValues<HipCondition>().ShouldAllBe(c => ConditionCatalogue.All.Any(i => i.Code == c));
    }
}
