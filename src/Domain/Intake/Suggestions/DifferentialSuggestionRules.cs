using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;

namespace ClinicHip.Domain.Intake.Suggestions;

/// <summary>A child of 3 to 11 with a limp or hip, thigh or knee pain for two weeks or more (docs/clinical-basis.md#child-limp).</summary>
public sealed class PerthesDiseaseRule : IConditionSuggestionRule
{
    public const int FromAge = 3;
    public const int ToAge = 11;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(ageYears is >= FromAge and <= ToAge && (answers.Limp || answers.HurtsAtHipThighOrKnee()) && answers.Onset == Onset.Gradual) ? null
            : new(HipCondition.PerthesDisease, Evidence.Of(
                (true, $"aged {ageYears}"),
                (answers.Limp, "a limp"),
                (answers.HurtsAt(PainLocation.Knee) || answers.HurtsAt(PainLocation.Thigh), "thigh or knee pain"),
                (true, "came on gradually")));
}

/// <summary>A child of 2 to 12 whose limp or hip pain came on suddenly, often after a viral illness (docs/clinical-basis.md#child-limp).</summary>
public sealed class TransientSynovitisRule : IConditionSuggestionRule
{
    public const int FromAge = 2;
    public const int ToAge = 12;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(ageYears is >= FromAge and <= ToAge && (answers.Limp || answers.HurtsAtHipThighOrKnee()) && answers.Onset == Onset.Sudden) ? null
            : new(HipCondition.TransientSynovitis, Evidence.Of(
                (true, $"aged {ageYears}"),
                (answers.Limp, "a limp"),
                (true, "came on suddenly"),
                (answers.FeverBeganWithHipPain == false, "after another illness")));
}

/// <summary>
/// Aged 10 to 25, pain at the front of the pelvis, the sitting bone or the iliac crest: a pop when sprinting or kicking
/// (avulsion), or a gradual ache with that load (apophysitis) (docs/clinical-basis.md#avulsion).
/// </summary>
public sealed class ApophysealInjuryRule : IConditionSuggestionRule
{
    public const int FromAge = 10;
    public const int ToAge = 25;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var where = answers.HurtsAt(PainLocation.FrontOfHipOrGroin) || answers.HurtsAt(PainLocation.BackOfHipOrButtock) || answers.HurtsAt(PainLocation.OutsideOfHip);
        var load = answers.BeganAfter(PrecedingChange.SpeedWork) || answers.WorseWith(AggravatingFactor.KickingOrTwisting);
        return !(ageYears is >= FromAge and <= ToAge && where && (answers.PopAtOnset == true || load)) ? null
            : new(HipCondition.ApophysealAvulsionOrApophysitis, Evidence.Of(
                (true, $"aged {ageYears}"),
                (answers.PopAtOnset == true, "a pop at the moment of injury"),
                (answers.BeganAfter(PrecedingChange.SpeedWork), "sprinting or speed work"),
                (answers.WorseWith(AggravatingFactor.KickingOrTwisting), "worse kicking or twisting")));
    }
}

/// <summary>A child or young adult with night pain worse than on the run, or pain nothing eases, lasting (docs/clinical-basis.md#bone-tumour).</summary>
public sealed class BoneTumourRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var nightWorse = YoungNightBonePainRule.NightPainWorseThanRunning(answers);
        return !(ageYears is >= YoungNightBonePainRule.FromAge and <= YoungNightBonePainRule.ToAge && (nightWorse || answers.NothingEasesPain)
            && !answers.BeganAfter(PrecedingChange.FallOrDirectBlow)) ? null
            : new(HipCondition.OsteoidOsteomaOrBoneTumour, Evidence.Of(
                (true, $"aged {ageYears}"),
                (nightWorse, "night pain worse than when running"),
                (answers.NothingEasesPain, "nothing eases the pain"),
                (answers.Tried(TreatmentTried.Nsaids), "has taken anti-inflammatories (relief suggests osteoid osteoma)")), MustRuleOut: true);
    }
}

/// <summary>Back or buttock pain beginning before 45 with morning stiffness over 30 minutes, for three months or more (ASAS; docs/clinical-basis.md#axial-spa).</summary>
public sealed class AxialSpondyloarthritisRule : IConditionSuggestionRule
{
    public const int OnsetBeforeAge = 45;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var where = answers.HurtsAt(PainLocation.LowerBack) || answers.HurtsAt(PainLocation.BackOfHipOrButtock);
        return !(ageYears < OnsetBeforeAge && where && answers.MorningStiffnessMinutes > InflammatoryStiffnessRule.Minutes) ? null
            : new(HipCondition.AxialSpondyloarthritis, Evidence.Of(
                (true, $"aged {ageYears}"),
                (true, "back or buttock pain"),
                (true, $"morning stiffness {answers.MorningStiffnessMinutes} minutes"),
                (answers.Onset == Onset.Gradual, "came on gradually"),
                (answers.Pain.AtNight >= 3, "night pain"),
                (answers.Has(MedicalHistory.InflammatoryArthritis), "inflammatory arthritis")));
    }
}

/// <summary>Both hips and shoulders stiff at 50 or over (docs/clinical-basis.md#polymyalgia).</summary>
public sealed class PolymyalgiaRheumaticaRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.ShouldersAndHipsStiff == true && ageYears >= IntakeQuestions.ShouldersAndHipsFromAge) ? null
            : new(HipCondition.PolymyalgiaRheumatica, Evidence.Of(
                (true, "both hips and shoulders stiff"),
                (true, $"aged {ageYears}"),
                (answers.Side == Side.Both, "both hips"),
                (answers.MorningStiffnessMinutes >= 45, "morning stiffness of 45 minutes or more")));
}

/// <summary>Burning or numbness of the outer thigh (docs/clinical-basis.md#nerve-entrapment).</summary>
public sealed class MeralgiaParaestheticaRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !answers.Reports(BurningOrNumbArea.OuterThigh) ? null : new(HipCondition.MeralgiaParaesthetica, Evidence.Of(
            (true, "burning or numbness of the outer thigh"),
            (!answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop), "no weakness"),
            (!answers.HurtsAt(PainLocation.LowerBack), "no back pain")));
}

/// <summary>Burning or numbness in the groin or inner thigh (docs/clinical-basis.md#nerve-entrapment).</summary>
public sealed class GroinNerveEntrapmentRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !answers.Reports(BurningOrNumbArea.Groin) ? null : new(HipCondition.GroinNerveEntrapment, Evidence.Of(
            (true, "burning or numbness in the groin or inner thigh"),
            (answers.Has(MedicalHistory.PreviousHipSurgery) || answers.Has(MedicalHistory.RecentHipInjectionInfectionOrSurgery), "after surgery"),
            (answers.HasGroinPain, "groin pain")));
}

/// <summary>
/// Back pain with buttock or thigh pain that stops above the knee, without nerve symptoms: referred from the lumbar spine
/// or sacroiliac joint, not the hip and not a nerve root (docs/clinical-basis.md#referred-spinal-pain).
/// </summary>
public sealed class LumbarOrSacroiliacReferredPainRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var nerve = answers.Reports(NeurologicalSymptom.LegNumbnessOrPinsAndNeedles) || answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop)
            || answers.Reports(BurningOrNumbArea.BelowKnee);
        var where = answers.HurtsAt(PainLocation.BackOfHipOrButtock) || answers.HurtsAt(PainLocation.Thigh) || answers.HasGroinPain;
        return !(answers.HurtsAt(PainLocation.LowerBack) && where && !nerve) ? null : new(HipCondition.LumbarOrSacroiliacReferredPain, Evidence.Of(
            (true, "lower-back pain"),
            (answers.HurtsAt(PainLocation.BackOfHipOrButtock), "buttock pain"),
            (answers.HurtsAt(PainLocation.Thigh), "thigh pain"),
            (!answers.HurtsAt(PainLocation.RadiatingDownLeg), "stops above the knee"),
            (true, "no nerve symptoms")));
    }
}
