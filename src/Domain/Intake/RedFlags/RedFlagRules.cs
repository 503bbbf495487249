namespace ClinicHip.Domain.Intake.RedFlags;

/// <summary>A red flag found in the answers: why the patient must be seen sooner (docs/clinical-basis.md#cannot-bear-weight and the sections after it).</summary>
/// <param name="Code">Stable code, e.g. <c>red-flag.cannot-bear-weight</c>.</param>
/// <param name="Reason">Plain-language reason for staff.</param>
/// <param name="Level">How soon the patient must be seen.</param>
/// <param name="RequiresInPersonAssessment">Telehealth alone is not enough.</param>
public sealed record RedFlag(string Code, string Reason, TriageLevel Level, bool RequiresInPersonAssessment);

/// <summary>One red-flag rule, named so a clinician reviewing the triage can find it.</summary>
public interface IRedFlagRule
{
    RedFlag? Check(HipIntakeAnswers answers);
}

/// <summary>Unable to put weight on the leg: possible fracture.</summary>
public sealed class CannotBearWeightRule : IRedFlagRule
{
    public RedFlag? Check(HipIntakeAnswers answers) => answers.AbleToBearWeight ? null : new(
        "red-flag.cannot-bear-weight", "Cannot put weight on the leg: a fracture must be ruled out in person.", TriageLevel.Urgent, true);
}

/// <summary>Pain on every weight-bearing step: possible stress fracture.</summary>
public sealed class PainOnEveryWeightBearingStepRule : IRedFlagRule
{
    public RedFlag? Check(HipIntakeAnswers answers) => !answers.WorseWith(AggravatingFactor.EveryWeightBearingStep) ? null : new(
        "red-flag.pain-every-step", "Pain on every weight-bearing step: a stress fracture must be ruled out in person.", TriageLevel.Urgent, true);
}

/// <summary>Severe pain at rest or at night (8 or more of 10): unrelenting pain that nothing eases.</summary>
public sealed class SevereRestOrNightPainRule : IRedFlagRule
{
    public const int Threshold = 8;

    public RedFlag? Check(HipIntakeAnswers answers) => answers.Pain.AtRest < Threshold && answers.Pain.AtNight < Threshold ? null : new(
        "red-flag.severe-rest-or-night-pain", $"Pain of {Threshold} or more out of 10 at rest or at night.", TriageLevel.Urgent, true);
}

/// <summary>Fever, unexplained weight loss or feeling unwell: infection or other disease.</summary>
public sealed class SystemicSymptomsRule : IRedFlagRule
{
    public RedFlag? Check(HipIntakeAnswers answers) => answers.SystemicSymptoms.Count == 0 ? null : new(
        "red-flag.systemic-symptoms", "Fever, unexplained weight loss or feeling unwell with hip pain: infection or other disease must be ruled out.",
        TriageLevel.Urgent, true);
}

/// <summary>A fall or direct blow with swelling: fracture or hip pointer.</summary>
public sealed class FallWithSwellingRule : IRedFlagRule
{
    public RedFlag? Check(HipIntakeAnswers answers) =>
        !answers.PrecedingChanges.Contains(PrecedingChange.FallOrDirectBlow) || !answers.Swelling ? null : new(
            "red-flag.fall-with-swelling", "A fall or direct blow with swelling: a fracture must be ruled out in person.", TriageLevel.Urgent, true);
}

/// <summary>Bone-stress risk factors with groin pain after a rise in mileage: suspected bone stress injury.</summary>
public sealed class BoneStressRiskRule : IRedFlagRule
{
    public RedFlag? Check(HipIntakeAnswers answers)
    {
        var riskFactor = answers.Has(MedicalHistory.PreviousStressFracture) || answers.Has(MedicalHistory.LowBoneDensity)
            || answers.Has(MedicalHistory.IrregularOrAbsentPeriods);
        return !(riskFactor && answers.HasGroinPain && answers.MileageRose) ? null : new(
            "red-flag.bone-stress-risk",
            "Groin pain after a rise in mileage with a bone-stress risk factor (previous stress fracture, low bone density or irregular periods).",
            TriageLevel.Urgent, true);
    }
}

/// <summary>Pain that spreads, or that has not eased with rest and medication.</summary>
public sealed class PainNotEasingOrSpreadingRule : IRedFlagRule
{
    public const int PersistingRestPain = 5;

    public RedFlag? Check(HipIntakeAnswers answers)
    {
        var notEasing = answers.Tried(TreatmentTried.Rest) && answers.Tried(TreatmentTried.Nsaids) && answers.Pain.AtRest >= PersistingRestPain;
        return !(answers.PainSpreading || notEasing) ? null : new(
            "red-flag.pain-spreading-or-not-easing", "The pain is spreading, or has not eased with rest and anti-inflammatories.", TriageLevel.Soon, false);
    }
}
