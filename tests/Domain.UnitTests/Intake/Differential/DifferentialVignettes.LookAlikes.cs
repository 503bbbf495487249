using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>Look-alikes: answers that resemble a serious cause but, read whole, are not one. None may be over-triaged.</summary>
internal static partial class DifferentialVignettes
{
    private static readonly HipIntakeAnswers Chronic = Baseline().Began(120, Onset.Gradual);

    private static readonly DifferentialVignette[] LookAlikes =
    [
        // Fever with another cause, and duration alone.
        new("A cold this week, snapping at the outside of the hip for a year", "S7", Kind.LookAlike, 39,
            Chronic.Male().With(MechanicalSymptom.Snapping).Systemic(SystemicSymptom.Fever, SystemicSymptom.FeelingUnwell)
                with { FeverBeganWithHipPain = false, TemperatureCelsius = 37.9m }, TriageLevel.Routine, false, HipCondition.ExternalSnappingHip),
        new("Urine infection last week, outside-of-hip ache lying on it", "S7", Kind.LookAlike, 48,
            Chronic.Female(MenstrualStatus.Regular).Worse(AggravatingFactor.LyingOnThatSide).Systemic(SystemicSymptom.Fever)
                with { FeverBeganWithHipPain = false, PeriodLateOrMissed = false }, TriageLevel.Routine, false, HipCondition.TrochantericBursitis),
        new("Flu, and the old groin stiffness of an older runner", "S7, S12", Kind.LookAlike, 55,
            Chronic.Groin().Male().Systemic(SystemicSymptom.FeelingUnwell) with { FeverBeganWithHipPain = false, MorningStiffnessMinutes = 15 },
            TriageLevel.Routine, false, HipCondition.HipOsteoarthritis),
        new("Outside-of-hip pain for eight weeks, no better, lying on it", "S35", Kind.LookAlike, 52,
            Baseline().Female(MenstrualStatus.PostMenopausal).Worse(AggravatingFactor.LyingOnThatSide, AggravatingFactor.Stairs).StartedWeeksAgo(8, PainTrend.NoChange),
            TriageLevel.Soon, false, HipCondition.GlutealTendinopathy),
        new("Seven weeks of outside-of-hip pain on stairs, unchanged", "S35", Kind.LookAlike, 60,
            Baseline().Male().Worse(AggravatingFactor.Stairs).StartedWeeksAgo(7, PainTrend.NoChange), TriageLevel.Soon, false, HipCondition.GlutealTendinopathy),

        // Nerves and the spine.
        new("Burning, numb outer thigh since wearing a tool belt", "S36", Kind.LookAlike, 45,
            Chronic.Male().At(PainLocation.Thigh).Numb(BurningOrNumbArea.OuterThigh), TriageLevel.Routine, false, HipCondition.MeralgiaParaesthetica, true),
        new("Pregnant, tingling and burning on the outer thigh", "S36", Kind.LookAlike, 30,
            Chronic.Female(MenstrualStatus.Pregnant).At(PainLocation.OutsideOfHip).Numb(BurningOrNumbArea.OuterThigh),
            TriageLevel.Routine, false, HipCondition.MeralgiaParaesthetica, true),
        new("Burning in the groin since a hernia repair", "S36, S19", Kind.LookAlike, 26,
            Chronic.Male().Groin().Numb(BurningOrNumbArea.Groin), TriageLevel.Routine, false, HipCondition.GroinNerveEntrapment, true),
        new("Back ache spreading into the buttock and thigh, worse sitting", "S6, S37", Kind.LookAlike, 50,
            Chronic.Male().At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock, PainLocation.Thigh).Worse(AggravatingFactor.ProlongedSitting),
            TriageLevel.Routine, false, HipCondition.LumbarOrSacroiliacReferredPain, true),
        new("After childbirth, low back and buttock pain on one side", "S18, S37", Kind.LookAlike, 35,
            Chronic.Female(MenstrualStatus.PostPartumWithinTwelveMonths).At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock)
                with { PeriodLateOrMissed = false }, TriageLevel.Routine, false, HipCondition.LumbarOrSacroiliacReferredPain, true),
        new("Back pain with pins and needles below the knee, strength normal", "S6", Kind.LookAlike, 24,
            Chronic.Male().At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock, PainLocation.RadiatingDownLeg).Numb(BurningOrNumbArea.BelowKnee),
            TriageLevel.Routine, false, HipCondition.LumbarRadiculopathyOrReferredPain, true),
        new("Stiff low back in an older smoker, no sudden pain", "S37", Kind.LookAlike, 71,
            Chronic.Male().At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock).History(MedicalHistory.Smoking) with { MorningStiffnessMinutes = 20 },
            TriageLevel.Routine, false, HipCondition.LumbarOrSacroiliacReferredPain, true),

        // Vessels and hernias, not acute.
        new("Buttock and thigh cramp after 200 m that goes when he stops", "S38", Kind.LookAlike, 64,
            Chronic.Male().At(PainLocation.BackOfHipOrButtock, PainLocation.Thigh).Worse(AggravatingFactor.ExerciseEasingWithinMinutesOfRest)
                .History(MedicalHistory.Smoking), TriageLevel.Routine, false, HipCondition.ArterialClaudication, true),
        new("Triathlete, thigh pain at race pace that goes within minutes", "S38", Kind.LookAlike, 27,
            Chronic.At(PainLocation.Thigh, PainLocation.FrontOfHipOrGroin).Male().Worse(AggravatingFactor.ExerciseEasingWithinMinutesOfRest)
                .MileageUp(60, 60), TriageLevel.Routine, false, HipCondition.ArterialClaudication),
        new("Known heart disease, gradual groin ache for months", "S12", Kind.LookAlike, 66,
            Chronic.Groin().Male().History(MedicalHistory.VascularDisease), TriageLevel.Routine, false, HipCondition.HipOsteoarthritis),
        new("A groin bulge when he coughs that goes back lying down", "S28", Kind.LookAlike, 58,
            Chronic.Groin().Male().Worse(AggravatingFactor.CoughingOrStraining) with { GroinLump = GroinLump.ComesAndGoes },
            TriageLevel.Routine, false, HipCondition.InguinalOrFemoralHernia, true),

        // Children and adolescents.
        new("Gradual front-of-hip ache with kicking practice, no limp", "S32", Kind.LookAlike, 12,
            Chronic.Male().Groin().Worse(AggravatingFactor.KickingOrTwisting), TriageLevel.Routine, false, HipCondition.ApophysealAvulsionOrApophysitis),
        new("Knee ache after runs, no limp", "S14", Kind.LookAlike, 14,
            Chronic.Female(MenstrualStatus.Regular).At(PainLocation.Knee) with { PeriodLateOrMissed = false },
            TriageLevel.Routine, false, HipCondition.SlippedCapitalFemoralEpiphysis),
        new("Hip ache after football, walking normally, no fever", "S25, S31", Kind.LookAlike, 9,
            Baseline().Groin().Male().Began(20, Onset.Gradual), TriageLevel.Routine, false, HipCondition.PerthesDisease),
        new("Night ache lying on the sore side, improving", "S35", Kind.LookAlike, 22,
            Baseline().Worse(AggravatingFactor.LyingOnThatSide).Pain(atRest: 2, duringRun: 3, atNight: 5).StartedWeeksAgo(6, PainTrend.Improving),
            TriageLevel.Routine, false, HipCondition.TrochantericBursitis),
        new("Hamstring tightness at the sitting bone with sprint sessions", "S32", Kind.LookAlike, 19,
            Chronic.At(PainLocation.BackOfHipOrButtock).After(PrecedingChange.SpeedWork).Worse(AggravatingFactor.ProlongedSitting),
            TriageLevel.Routine, false, HipCondition.HamstringTendinopathy),

        // Pelvis and pregnancy.
        new("Regular periods, groin pain sitting and after runs", "S1, S5", Kind.LookAlike, 30,
            Chronic.Groin().Female(MenstrualStatus.Regular).Worse(AggravatingFactor.ProlongedSitting) with { PeriodLateOrMissed = false },
            TriageLevel.Routine, false, HipCondition.FemoroacetabularImpingement, true),
        new("Period late, but inner-thigh pain began five months ago", "S26, S19", Kind.LookAlike, 33,
            Chronic.Female(MenstrualStatus.Regular).At(PainLocation.InsideOfThighOrGroin).Pain(duringRun: 0, afterRun: 2) with { PeriodLateOrMissed = true },
            TriageLevel.Routine, false, HipCondition.AdductorStrain),
        new("Pubic bone pain a year after childbirth, walking comfortably", "S18, S19", Kind.LookAlike, 29,
            Chronic.Female(MenstrualStatus.PostPartumWithinTwelveMonths).At(PainLocation.PubicBone) with { PeriodLateOrMissed = false },
            TriageLevel.Routine, false, HipCondition.PubicBoneStressOrOsteitisPubis, true),
        new("Sudden groin twinge sprinting three days ago, no pop, no testicular pain", "S19", Kind.LookAlike, 25,
            Baseline().Began(3, Onset.Sudden).Male().At(PainLocation.InsideOfThighOrGroin).After(PrecedingChange.SpeedWork)
                with { TesticularPain = false, PopAtOnset = false }, TriageLevel.Routine, false, HipCondition.AdductorStrain, true),
        new("Both hips stiff in the morning, shoulders fine", "S12, S33", Kind.LookAlike, 63,
            Chronic.Groin().Female(MenstrualStatus.PostMenopausal) with { Side = Side.Both, ShouldersAndHipsStiff = false, MorningStiffnessMinutes = 20 },
            TriageLevel.Routine, false, HipCondition.HipOsteoarthritis, true),
    ];

    /// <summary>Every vignette of the third set.</summary>
    public static IReadOnlyList<DifferentialVignette> All => [.. Serious, .. LookAlikes];
}
