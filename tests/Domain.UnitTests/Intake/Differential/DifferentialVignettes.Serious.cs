using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>Emergencies, urgent and soon cases across the age bands and the causes referred to the hip.</summary>
internal static partial class DifferentialVignettes
{
    private static readonly HipIntakeAnswers Acute = Baseline().Began(1, Onset.Sudden);

    private static readonly DifferentialVignette[] Serious =
    [
        // Vessels.
        new("Smoker, sudden severe back and groin pain, felt faint", "S23", Kind.Emergency, 68,
            Acute.Male().At(PainLocation.LowerBack, PainLocation.FrontOfHipOrGroin).Pain(atRest: 8, atNight: 8).History(MedicalHistory.Smoking)
                .Systemic(SystemicSymptom.FaintnessOrCollapse), TriageLevel.Emergency, true, HipCondition.AbdominalAorticAneurysm),
        new("Aneurysm under surveillance, sudden loin and groin pain", "S23", Kind.Emergency, 72,
            Acute.Male().At(PainLocation.Flank, PainLocation.FrontOfHipOrGroin).Pain(atRest: 7, atNight: 7).History(MedicalHistory.VascularDisease),
            TriageLevel.Emergency, true, HipCondition.AbdominalAorticAneurysm),
        new("Collapsed with sudden back pain, known arterial disease", "S23", Kind.Emergency, 66,
            Acute.Female(MenstrualStatus.PostMenopausal).At(PainLocation.LowerBack).Pain(atRest: 5, atNight: 5).History(MedicalHistory.VascularDisease)
                .Systemic(SystemicSymptom.FaintnessOrCollapse), TriageLevel.Emergency, true, HipCondition.AbdominalAorticAneurysm),

        // Infection after a procedure, and in children.
        new("Diabetic, arthroscopy three weeks ago, unwell, still walking", "S7, S24", Kind.Emergency, 58,
            Baseline().Groin().Began(21, Onset.Gradual).History(MedicalHistory.RecentHipInjectionInfectionOrSurgery, MedicalHistory.Diabetes)
                .Systemic(SystemicSymptom.FeelingUnwell) with { Trend = PainTrend.Worsening, FeverBeganWithHipPain = true },
            TriageLevel.Emergency, true, HipCondition.SepticArthritis),
        new("On biologics, injection two weeks ago, no fever, pain worse each day", "S7, S24", Kind.Emergency, 45,
            Baseline().Groin().Began(10, Onset.Gradual).History(MedicalHistory.RecentHipInjectionInfectionOrSurgery, MedicalHistory.Immunosuppression,
                MedicalHistory.InflammatoryArthritis) with { Trend = PainTrend.Worsening },
            TriageLevel.Emergency, true, HipCondition.SepticArthritis),
        new("Child with 39.0 °C and hip pain, still walking", "S10", Kind.Emergency, 6,
            Acute.Groin().Systemic(SystemicSymptom.Fever) with { TemperatureCelsius = 39.0m, FeverBeganWithHipPain = true },
            TriageLevel.Emergency, true, HipCondition.SepticArthritis),
        new("Child refusing to walk with a fever that began with the pain", "S10", Kind.Emergency, 9,
            Acute.Groin().Systemic(SystemicSymptom.Fever) with { AbleToBearWeight = false, FeverBeganWithHipPain = true },
            TriageLevel.Emergency, true, HipCondition.SepticArthritis),
        new("Eight-year-old with a limp and a temperature", "S10, S25", Kind.Emergency, 8,
            Acute.At(PainLocation.Thigh).Systemic(SystemicSymptom.Fever) with { Limp = true, TemperatureCelsius = 38.2m },
            TriageLevel.Emergency, true, HipCondition.SepticArthritis),

        // Pelvis and abdomen.
        new("Period late, sudden right groin and lower-belly pain", "S26", Kind.Emergency, 29,
            Acute.Female(MenstrualStatus.Regular).At(PainLocation.FrontOfHipOrGroin, PainLocation.LowerAbdomen).Pain(atRest: 5) with { PeriodLateOrMissed = true },
            TriageLevel.Emergency, true, HipCondition.EctopicPregnancy),
        new("Missed period, left groin ache for ten days, then felt faint", "S26", Kind.Emergency, 34,
            Baseline().Groin().Began(10, Onset.Gradual).Female(MenstrualStatus.Irregular).Systemic(SystemicSymptom.FaintnessOrCollapse)
                with { Side = Side.Left, PeriodLateOrMissed = true }, TriageLevel.Emergency, true, HipCondition.EctopicPregnancy),
        new("Footballer, sudden testicular and groin pain this morning", "S27", Kind.Emergency, 15,
            Acute.Male().Groin() with { TesticularPain = true }, TriageLevel.Emergency, true, HipCondition.TesticularTorsion),
        new("Sudden scrotal pain since yesterday, groin ache", "S27", Kind.Emergency, 24,
            Acute.Male().At(PainLocation.InsideOfThighOrGroin) with { TesticularPain = true }, TriageLevel.Emergency, true, HipCondition.TesticularTorsion),
        new("Groin lump stuck out and tender since this morning", "S28", Kind.Emergency, 61,
            Acute.Male().Groin() with { GroinLump = GroinLump.StuckAndTender }, TriageLevel.Emergency, true, HipCondition.InguinalOrFemoralHernia),
        new("Tender lump below the groin crease that will not go back", "S28", Kind.Emergency, 70,
            Acute.Female(MenstrualStatus.PostMenopausal).At(PainLocation.InsideOfThighOrGroin) with { GroinLump = GroinLump.StuckAndTender },
            TriageLevel.Emergency, true, HipCondition.InguinalOrFemoralHernia),
        new("Sudden severe loin pain into the groin since yesterday", "S29", Kind.Emergency, 36,
            Acute.Male().At(PainLocation.Flank, PainLocation.FrontOfHipOrGroin).Pain(atRest: 9, atNight: 9), TriageLevel.Emergency, true, HipCondition.KidneyStone),
        new("Sudden severe one-sided lower-belly pain today, periods regular", "S26, S29", Kind.Emergency, 27,
            Baseline().Began(0, Onset.Sudden).Female(MenstrualStatus.Regular).At(PainLocation.LowerAbdomen).Pain(atRest: 8, atNight: 8)
                with { PeriodLateOrMissed = false }, TriageLevel.Emergency, true, HipCondition.GynaecologicalCause),

        // Spine and fracture.
        new("Numb between the legs (burning question), back and buttock pain", "S6, S13", Kind.Emergency, 47,
            Baseline().At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock, PainLocation.RadiatingDownLeg).Numb(BurningOrNumbArea.Saddle),
            TriageLevel.Emergency, true, HipCondition.LumbarRadiculopathyOrReferredPain),
        new("Tripped at home, cannot stand on the leg", "S11", Kind.Emergency, 79,
            Baseline().Groin().Fell(canBearWeight: false).Female(MenstrualStatus.PostMenopausal), TriageLevel.Emergency, true, HipCondition.FragilityOrOccultHipFracture),

        // Urgent.
        new("Toddler limping since yesterday, no fever", "S25", Kind.Urgent, 2,
            Acute.At(PainLocation.Thigh) with { Limp = true }, TriageLevel.Urgent, true, HipCondition.TransientSynovitis),
        new("Thigh pain waking her at night for five weeks, eased by ibuprofen", "S30, S15", Kind.Urgent, 14,
            Baseline().At(PainLocation.Thigh).Began(35, Onset.Gradual).Pain(atRest: 3, duringRun: 2, afterRun: 2, atNight: 6)
                with { TreatmentsTried = [TreatmentTried.Nsaids] }, TriageLevel.Urgent, true, HipCondition.OsteoidOsteomaOrBoneTumour),
        new("Constant thigh ache nothing eases for a month", "S15", Kind.Urgent, 19,
            Baseline().At(PainLocation.Thigh).Began(30, Onset.Gradual).Pain(atRest: 4, duringRun: 4, afterRun: 4, atNight: 4) with { NothingEasesPain = true },
            TriageLevel.Urgent, true, HipCondition.OsteoidOsteomaOrBoneTumour),
        new("Heavier boy with knee pain and a limp, no injury", "S14", Kind.Urgent, 12,
            Baseline().At(PainLocation.Knee).Male() with { Limp = true }, TriageLevel.Urgent, true, HipCondition.SlippedCapitalFemoralEpiphysis, true),
        new("Fainted twice this week, long-standing groin ache", "S7", Kind.Urgent, 55,
            Baseline().Groin().Male().Systemic(SystemicSymptom.FaintnessOrCollapse), TriageLevel.Urgent, true, HipCondition.HipOsteoarthritis),
        new("Fall on the ice, groin pain, walking with a stick", "S11", Kind.Urgent, 74,
            Baseline().Groin().Fell(canBearWeight: true), TriageLevel.Urgent, true, HipCondition.FragilityOrOccultHipFracture),
        new("Transplant patient, fever with the hip pain, walking", "S7, S10", Kind.Urgent, 40,
            Baseline().Groin().History(MedicalHistory.Immunosuppression).Systemic(SystemicSymptom.Fever) with { FeverBeganWithHipPain = true, TemperatureCelsius = 38.1m },
            TriageLevel.Urgent, true, HipCondition.SepticArthritis),
        new("Prostate cancer years ago, groin pain at night", "S15", Kind.Urgent, 62,
            Baseline().Groin().Male().History(MedicalHistory.Cancer).Pain(atRest: 3, atNight: 5), TriageLevel.Urgent, true, HipCondition.Malignancy),
        new("Foot slapping for a week with buttock pain down the leg", "S6", Kind.Urgent, 44,
            Baseline().At(PainLocation.BackOfHipOrButtock, PainLocation.RadiatingDownLeg).Neuro(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop)
                .Numb(BurningOrNumbArea.BelowKnee), TriageLevel.Urgent, true, HipCondition.LumbarRadiculopathyOrReferredPain, true),
        new("No periods for six months, groin pain on every run", "S9", Kind.Urgent, 21,
            Baseline().Groin().Female(MenstrualStatus.AbsentThreeMonthsOrMore), TriageLevel.Urgent, true, HipCondition.FemoralNeckStressFracture),

        // Soon.
        new("Boy limping for five weeks, thigh and knee ache, no fever", "S25, S31", Kind.Soon, 7,
            Baseline().At(PainLocation.Thigh, PainLocation.Knee).Male().Began(35, Onset.Gradual) with { Limp = true },
            TriageLevel.Soon, true, HipCondition.PerthesDisease, true),
        new("Limp that came on suddenly after a cold last week, now well", "S25", Kind.Soon, 5,
            Acute.Groin() with { Limp = true }, TriageLevel.Soon, true, HipCondition.TransientSynovitis),
        new("Sprinter felt a pop at the front of the pelvis at the start", "S32", Kind.Soon, 15,
            Acute.Groin().After(PrecedingChange.SpeedWork) with { PopAtOnset = true }, TriageLevel.Soon, true, HipCondition.ApophysealAvulsionOrApophysitis),
        new("Footballer felt a pop at the sitting bone as he kicked", "S32", Kind.Soon, 17,
            Acute.Male().At(PainLocation.BackOfHipOrButtock).Worse(AggravatingFactor.KickingOrTwisting) with { PopAtOnset = true },
            TriageLevel.Soon, true, HipCondition.ApophysealAvulsionOrApophysitis, true),
        new("Adult water-skier felt a pop high in the hamstring", "S32", Kind.Soon, 38,
            Acute.At(PainLocation.BackOfHipOrButtock).After(PrecedingChange.SpeedWork) with { PopAtOnset = true },
            TriageLevel.Soon, true, HipCondition.HamstringTendinopathy),
        new("Both hips and shoulders stiff for an hour each morning", "S33", Kind.Soon, 68,
            Baseline().Groin().Female(MenstrualStatus.PostMenopausal) with { Side = Side.Both, ShouldersAndHipsStiff = true, MorningStiffnessMinutes = 60 },
            TriageLevel.Soon, true, HipCondition.PolymyalgiaRheumatica, true),
        new("Aching shoulders and hips, hard to get out of bed", "S33", Kind.Soon, 57,
            Baseline().Male() with { Side = Side.Both, ShouldersAndHipsStiff = true }, TriageLevel.Soon, true, HipCondition.PolymyalgiaRheumatica, true),
        new("Six months of back and buttock pain, an hour's stiffness on waking", "S17, S34", Kind.Soon, 28,
            Baseline().At(PainLocation.LowerBack, PainLocation.BackOfHipOrButtock).Male().Began(180, Onset.Gradual) with { MorningStiffnessMinutes = 60 },
            TriageLevel.Soon, false, HipCondition.AxialSpondyloarthritis, true),
        new("Buttock pain waking her late at night, ninety minutes of stiffness", "S17, S34", Kind.Soon, 33,
            Baseline().At(PainLocation.BackOfHipOrButtock).Female(MenstrualStatus.Regular).Began(120, Onset.Gradual).Pain(atNight: 4)
                with { MorningStiffnessMinutes = 90, PeriodLateOrMissed = false }, TriageLevel.Soon, false, HipCondition.AxialSpondyloarthritis),
        new("Groin ache into the testicle for three weeks, worse coughing", "S27, S28", Kind.Soon, 31,
            Baseline().Groin().Male().Began(21, Onset.Gradual).Worse(AggravatingFactor.CoughingOrStraining) with { TesticularPain = true },
            TriageLevel.Soon, true, HipCondition.InguinalOrFemoralHernia),
        new("Woman with a groin lump that comes and goes", "S28", Kind.Soon, 42,
            Baseline().At(PainLocation.InsideOfThighOrGroin).Female(MenstrualStatus.Regular) with { GroinLump = GroinLump.ComesAndGoes, PeriodLateOrMissed = false },
            TriageLevel.Soon, true, HipCondition.InguinalOrFemoralHernia),
    ];
}
