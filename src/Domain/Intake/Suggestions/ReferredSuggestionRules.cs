using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Intake.Suggestions;

/// <summary>A groin lump, or groin or lower-belly pain worse coughing or straining (docs/clinical-basis.md#hernia).</summary>
public sealed class HerniaRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var cough = answers.WorseWith(AggravatingFactor.CoughingOrStraining) && answers.HasGroinOrLowerAbdominalPain;
        return !(answers.GroinLump is not null || cough) ? null : new(HipCondition.InguinalOrFemoralHernia, Evidence.Of(
            (answers.GroinLump == GroinLump.ComesAndGoes, "a groin lump that comes and goes"),
            (answers.GroinLump == GroinLump.StuckAndTender, "a tender groin lump that will not go back"),
            (cough, "worse coughing or straining"),
            (answers.Sex == Sex.Female && answers.GroinLump is not null, "female: a femoral hernia is more likely")),
            MustRuleOut: answers.GroinLump == GroinLump.StuckAndTender);
    }
}

/// <summary>
/// Buttock, thigh or groin pain at a set effort that goes within minutes of stopping: arterial claudication, from
/// atherosclerosis in older people with vascular risk, or external iliac endofibrosis in endurance athletes
/// (docs/clinical-basis.md#claudication).
/// </summary>
public sealed class ArterialClaudicationRule : IConditionSuggestionRule
{
    public const int OlderAge = 50;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var where = answers.HurtsAt(PainLocation.BackOfHipOrButtock) || answers.HurtsAt(PainLocation.Thigh) || answers.HasGroinPain;
        return !(where && answers.WorseWith(AggravatingFactor.ExerciseEasingWithinMinutesOfRest)) ? null : new(HipCondition.ArterialClaudication, Evidence.Of(
            (true, "comes on with effort and goes within minutes of stopping"),
            (ageYears >= OlderAge, $"aged {ageYears}"),
            (answers.Has(MedicalHistory.Smoking), "smokes"),
            (answers.Has(MedicalHistory.VascularDisease), "known vascular disease"),
            (answers.Has(MedicalHistory.Diabetes), "diabetes"),
            (ageYears < OlderAge && answers.Running.CurrentWeeklyKm >= 40, "endurance athlete: consider external iliac endofibrosis")));
    }
}

/// <summary>The pattern of <see cref="LeakingAorticAneurysmRule"/>, or back or loin pain at 60 or over with known vascular disease (docs/clinical-basis.md#aortic-aneurysm).</summary>
public sealed class AorticAneurysmRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var back = answers.HurtsAt(PainLocation.LowerBack) || answers.HurtsAt(PainLocation.Flank);
        var known = ageYears >= 60 && back && answers.Has(MedicalHistory.VascularDisease);
        var acute = LeakingAorticAneurysmRule.Matches(answers, ageYears);
        return !(acute || known) ? null : new(HipCondition.AbdominalAorticAneurysm, Evidence.Of(
            (true, $"aged {ageYears}"),
            (answers.Onset == Onset.Sudden, "sudden onset"),
            (back, "back or loin pain"),
            (answers.Reports(SystemicSymptom.FaintnessOrCollapse), "faintness or collapse"),
            (answers.Has(MedicalHistory.Smoking), "smokes"),
            (answers.Has(MedicalHistory.VascularDisease), "known vascular disease")), MustRuleOut: true);
    }
}

/// <summary>A late or missed period with groin or lower-belly pain (docs/clinical-basis.md#ectopic-pregnancy).</summary>
public sealed class EctopicPregnancySuggestionRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.PeriodLateOrMissed == true && answers.HasGroinOrLowerAbdominalPain) ? null : new(HipCondition.EctopicPregnancy, Evidence.Of(
            (true, "period late or missed"),
            (true, "groin or lower-belly pain"),
            (answers.Reports(SystemicSymptom.FaintnessOrCollapse), "faintness or collapse")), MustRuleOut: true);
}

/// <summary>Sudden testicular or scrotal pain (docs/clinical-basis.md#testicular-torsion).</summary>
public sealed class TesticularTorsionSuggestionRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.TesticularPain == true && answers.Onset == Onset.Sudden) ? null : new(HipCondition.TesticularTorsion, Evidence.Of(
            (true, "sudden testicular or scrotal pain"),
            (ageYears is >= 10 and <= 25, $"aged {ageYears}")), MustRuleOut: true);
}

/// <summary>Loin pain with groin or lower-belly pain: a stone passing down the ureter (docs/clinical-basis.md#abdominal-pelvic).</summary>
public sealed class KidneyStoneRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.HurtsAt(PainLocation.Flank) && (answers.HasGroinOrLowerAbdominalPain || answers.Onset == Onset.Sudden)) ? null
            : new(HipCondition.KidneyStone, Evidence.Of(
                (true, "loin pain"),
                (answers.HasGroinOrLowerAbdominalPain, "spreading to the groin or lower belly"),
                (answers.Onset == Onset.Sudden, "sudden onset"),
                (answers.Reports(SystemicSymptom.Fever), "fever: an infected obstructed kidney is an emergency")));
}

/// <summary>Lower-belly pain in a female patient: the ovaries or womb (docs/clinical-basis.md#abdominal-pelvic).</summary>
public sealed class GynaecologicalCauseRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.Sex == Sex.Female && answers.HurtsAt(PainLocation.LowerAbdomen)) ? null : new(HipCondition.GynaecologicalCause, Evidence.Of(
            (true, "lower-belly pain"),
            (answers.Onset == Onset.Sudden, "sudden onset: ovarian torsion"),
            (answers.Onset == Onset.Gradual, "gradual: endometriosis or a cyst")));
}
