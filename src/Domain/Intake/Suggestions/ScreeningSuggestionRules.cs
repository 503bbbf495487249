using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;

namespace ClinicHip.Domain.Intake.Suggestions;

/// <summary>An adolescent with hip, thigh or knee pain: a slipped epiphysis can hurt only at the knee (docs/clinical-basis.md#scfe).</summary>
public sealed class SlippedCapitalFemoralEpiphysisRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(ageYears is >= SlippedEpiphysisRule.FromAge and <= SlippedEpiphysisRule.ToAge && answers.HurtsAtHipThighOrKnee()) ? null
            : new(HipCondition.SlippedCapitalFemoralEpiphysis, Evidence.Of(
                (true, $"aged {ageYears}"),
                (answers.HurtsAt(PainLocation.Knee) || answers.HurtsAt(PainLocation.RadiatingToKnee), "knee pain"),
                (answers.Limp, "a limp"),
                (!answers.AbleToBearWeight, "cannot bear weight")), MustRuleOut: true);
}

/// <summary>Groin pain with long-term steroids or heavy alcohol use, or after hip surgery (docs/clinical-basis.md#osteonecrosis).</summary>
public sealed class OsteonecrosisRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var risk = answers.Has(MedicalHistory.LongTermOralCorticosteroids) || answers.Has(MedicalHistory.HeavyAlcoholUse);
        return !(answers.HasGroinPain && risk) ? null : new(HipCondition.OsteonecrosisOfFemoralHead, Evidence.Of(
            (true, "groin pain"),
            (answers.Has(MedicalHistory.LongTermOralCorticosteroids), "long-term oral corticosteroids"),
            (answers.Has(MedicalHistory.HeavyAlcoholUse), "heavy alcohol use"),
            (answers.Has(MedicalHistory.PreviousHipSurgery), "previous hip surgery"),
            (answers.WorseWith(AggravatingFactor.EveryWeightBearingStep), "worse on weight bearing")), MustRuleOut: true);
    }
}

/// <summary>Pain down the leg with nerve symptoms or back pain: the spine, not the hip (docs/clinical-basis.md#radicular-pain).</summary>
public sealed class LumbarRadiculopathyRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var nerve = answers.Reports(NeurologicalSymptom.LegNumbnessOrPinsAndNeedles) || answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop)
            || answers.Reports(NeurologicalSymptom.PainInBothLegs) || answers.Reports(BurningOrNumbArea.BelowKnee);
        var spinal = answers.HurtsAt(PainLocation.RadiatingDownLeg) && (nerve || answers.HurtsAt(PainLocation.LowerBack));
        return !(spinal || nerve) ? null : new(HipCondition.LumbarRadiculopathyOrReferredPain, Evidence.Of(
            (answers.HurtsAt(PainLocation.RadiatingDownLeg), "pain down the leg"),
            (answers.HurtsAt(PainLocation.LowerBack), "lower-back pain"),
            (answers.Reports(NeurologicalSymptom.LegNumbnessOrPinsAndNeedles), "numbness or pins and needles"),
            (answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop), "leg weakness or foot drop"),
            (answers.Reports(NeurologicalSymptom.PainInBothLegs), "pain in both legs"),
            (answers.Reports(BurningOrNumbArea.BelowKnee), "burning or numbness below the knee")));
    }
}

/// <summary>A fall at 50 or older, or with low bone density, then groin pain or no weight bearing (docs/clinical-basis.md#hip-fracture).</summary>
public sealed class FragilityHipFractureRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var fragile = ageYears >= HipFractureAfterFallRule.FragilityAge || answers.Has(MedicalHistory.LowBoneDensity);
        return !(answers.BeganAfter(PrecedingChange.FallOrDirectBlow) && fragile && (answers.HasGroinPain || !answers.AbleToBearWeight)) ? null
            : new(HipCondition.FragilityOrOccultHipFracture, Evidence.Of(
                (true, "a fall"),
                (ageYears >= HipFractureAfterFallRule.FragilityAge, $"aged {ageYears}"),
                (answers.Has(MedicalHistory.LowBoneDensity), "low bone density"),
                (answers.HasGroinPain, "groin pain"),
                (!answers.AbleToBearWeight, "cannot bear weight")), MustRuleOut: true);
    }
}

/// <summary>Fever or feeling unwell with a painful hip, more so after an injection or with lowered immunity (docs/clinical-basis.md#septic-arthritis).</summary>
public sealed class SepticArthritisSuggestionRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var prone = answers.Has(MedicalHistory.Immunosuppression) || answers.Has(MedicalHistory.RecentHipInjectionInfectionOrSurgery)
            || answers.Has(MedicalHistory.Diabetes) || answers.Has(MedicalHistory.InflammatoryArthritis);
        var highChildFever = ageYears < SepticArthritisRule.AdultAge && answers.TemperatureCelsius > SepticArthritisRule.KocherTemperature;
        var afterProcedure = PostProcedureJointInfectionRule.Matches(answers);
        return !((answers.HasFeverOrFeelsUnwell() && (!answers.AbleToBearWeight || answers.Limp || prone)) || highChildFever || afterProcedure) ? null
            : new(HipCondition.SepticArthritis, Evidence.Of(
            (answers.Reports(SystemicSymptom.Fever), "fever"),
            (highChildFever, $"measured {answers.TemperatureCelsius:0.0} °C"),
            (answers.Reports(SystemicSymptom.FeelingUnwell), "feeling unwell"),
            (!answers.AbleToBearWeight, "cannot bear weight"),
            (answers.Limp, "a limp"),
            (prone, "prone to joint infection"),
            (afterProcedure, "after a recent procedure")), MustRuleOut: true);
    }
}

/// <summary>A history of cancer with rest or night pain, weight loss or night sweats, or those signs over 50 (docs/clinical-basis.md#malignancy).</summary>
public sealed class MalignancyRule : IConditionSuggestionRule
{
    public const int OlderAge = 50;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var restPain = answers.Pain.AtRest >= CancerHistoryRule.RestOrNightPain || answers.Pain.AtNight >= CancerHistoryRule.RestOrNightPain || answers.NothingEasesPain;
        var constitutional = answers.Reports(SystemicSymptom.UnexplainedWeightLoss) || answers.NightSweats;
        var cancer = answers.Has(MedicalHistory.Cancer);
        return !((cancer && (restPain || constitutional)) || (ageYears > OlderAge && restPain && constitutional)) ? null
            : new(HipCondition.Malignancy, Evidence.Of(
                (cancer, "history of cancer"),
                (restPain, "rest or night pain"),
                (answers.Reports(SystemicSymptom.UnexplainedWeightLoss), "unexplained weight loss"),
                (answers.NightSweats, "night sweats"),
                (ageYears > OlderAge, $"aged {ageYears}")), MustRuleOut: true);
    }
}

/// <summary>Pain at the pubic bone or groin, worse running or kicking, after more load (docs/clinical-basis.md#pubic-groin).</summary>
public sealed class PubicBoneStressRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !answers.HurtsAt(PainLocation.PubicBone) ? null : new(HipCondition.PubicBoneStressOrOsteitisPubis, Evidence.Of(
            (true, "pain at the pubic bone"),
            (answers.MileageRose, "mileage went up"),
            (answers.WorseWith(AggravatingFactor.KickingOrTwisting), "worse kicking or twisting"),
            (answers.WorseWith(AggravatingFactor.EveryWeightBearingStep) || answers.WorseWith(AggravatingFactor.HoppingOrImpact), "pain on weight bearing or impact")));
}

/// <summary>Groin or pubic pain worse kicking or twisting, with speed work (docs/clinical-basis.md#pubic-groin).</summary>
public sealed class AthleticPubalgiaRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var where = answers.HurtsAt(PainLocation.PubicBone) || answers.HasGroinPain;
        return !(where && answers.WorseWith(AggravatingFactor.KickingOrTwisting)) ? null : new(HipCondition.AthleticPubalgia, Evidence.Of(
            (true, "groin or pubic pain"),
            (true, "worse kicking or twisting"),
            (answers.BeganAfter(PrecedingChange.SpeedWork), "began with speed work")));
    }
}

/// <summary>Snapping at the outside of the hip (docs/clinical-basis.md#snapping-hip).</summary>
public sealed class ExternalSnappingHipRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.HurtsAt(PainLocation.OutsideOfHip) && answers.Reports(MechanicalSymptom.Snapping)) ? null
            : new(HipCondition.ExternalSnappingHip, Evidence.Of((true, "snapping at the outside of the hip")));
}
