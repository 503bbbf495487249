namespace ClinicHip.Domain.Intake.RedFlags;

/// <summary>A red flag found in the answers: why the patient must be seen sooner (docs/clinical-basis.md).</summary>
/// <param name="Code">Stable code, e.g. <c>red-flag.cannot-bear-weight</c>.</param>
/// <param name="Reason">Plain-language reason for staff.</param>
/// <param name="Level">How soon the patient must be seen.</param>
/// <param name="RequiresInPersonAssessment">Telehealth alone is not enough.</param>
public sealed record RedFlag(string Code, string Reason, TriageLevel Level, bool RequiresInPersonAssessment)
{
    /// <summary>The answers that fired the rule, for the clinician; null on forms triaged before reasons were kept.</summary>
    public IReadOnlyList<string>? FiredBy { get; init; }

    /// <summary>Where the rule's clinical basis is written (a <c>docs/clinical-basis.md</c> anchor).</summary>
    public string? Basis { get; init; }

    /// <summary>What the patient must do until seen, beyond the level's advice (e.g. stop running).</summary>
    public string? PatientInstruction { get; init; }

    /// <summary>For an Emergency: the service to go to now; null on other levels and on forms triaged before it was kept.</summary>
    public EmergencyService? Service { get; init; }
}

/// <summary>Where an emergency goes: an ambulance when moving the patient or a delay could kill, otherwise an emergency department.</summary>
public enum EmergencyService
{
    EmergencyDepartment,
    Ambulance,
}

/// <summary>What the triage knows besides the answers.</summary>
/// <param name="AgeYears">The patient's age on the day.</param>
/// <param name="Today">The day the form is submitted, for duration rules.</param>
/// <param name="RecordedLoadSpike">The patient's recorded running weeks break the 10 % rule or the acute:chronic ratio.</param>
public sealed record TriageContext(int AgeYears, DateOnly Today, bool RecordedLoadSpike = false);

/// <summary>One red-flag rule, named so a clinician reviewing the triage can find it.</summary>
public interface IRedFlagRule
{
    /// <summary>Stable code of the flag it raises.</summary>
    string Code { get; }

    TriageLevel Level { get; }

    /// <summary>The <c>docs/clinical-basis.md</c> anchor the rule is written from.</summary>
    string Basis { get; }

    RedFlag? Check(HipIntakeAnswers answers, TriageContext context);
}

/// <summary>A rule that fires when <see cref="FiredBy"/> finds answers, and says which.</summary>
public abstract class RedFlagRule : IRedFlagRule
{
    public abstract string Code { get; }

    public abstract TriageLevel Level { get; }

    public abstract string Basis { get; }

    protected abstract string Reason { get; }

    protected virtual bool InPerson => true;

    protected virtual string? PatientInstruction => null;

    /// <summary>The service an Emergency sends the patient to; ambulance rules override it.</summary>
    protected virtual EmergencyService? Service => Level == TriageLevel.Emergency ? EmergencyService.EmergencyDepartment : null;

    public RedFlag? Check(HipIntakeAnswers answers, TriageContext context)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var firedBy = FiredBy(answers, context);
        return firedBy is null ? null
            : new RedFlag(Code, Reason, Level, InPerson) { FiredBy = firedBy, Basis = $"docs/clinical-basis.md#{Basis}", PatientInstruction = PatientInstruction, Service = Service };
    }

    /// <summary>The answers that fire the rule, or null when it does not fire.</summary>
    protected abstract IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context);

    /// <summary>The phrases whose clue holds: the reasons shown to the clinician.</summary>
    protected static List<string> Answers(params (bool Holds, string Phrase)[] clues) => [.. clues.Where(c => c.Holds).Select(c => c.Phrase)];
}

/// <summary>Unable to put weight on the leg: possible fracture.</summary>
public sealed class CannotBearWeightRule : RedFlagRule
{
    public override string Code => "red-flag.cannot-bear-weight";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "cannot-bear-weight";
    protected override string Reason => "Cannot put weight on the leg: a fracture must be ruled out in person.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.AbleToBearWeight ? null : ["cannot bear weight"];
}

/// <summary>Pain on every weight-bearing step: possible stress fracture.</summary>
public sealed class PainOnEveryWeightBearingStepRule : RedFlagRule
{
    public override string Code => "red-flag.pain-every-step";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "pain-every-step";
    protected override string Reason => "Pain on every weight-bearing step: a stress fracture must be ruled out in person.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.WorseWith(AggravatingFactor.EveryWeightBearingStep) ? ["worse with every weight-bearing step"] : null;
}

/// <summary>Severe pain at rest or at night (8 or more of 10): unrelenting pain that nothing eases.</summary>
public sealed class SevereRestOrNightPainRule : RedFlagRule
{
    public const int Threshold = 8;

    public override string Code => "red-flag.severe-rest-or-night-pain";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "severe-rest-night-pain";
    protected override string Reason => $"Pain of {Threshold} or more out of 10 at rest or at night.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.Pain.AtRest < Threshold && answers.Pain.AtNight < Threshold ? null : Answers(
            (answers.Pain.AtRest >= Threshold, $"pain at rest {answers.Pain.AtRest}/10"),
            (answers.Pain.AtNight >= Threshold, $"pain at night {answers.Pain.AtNight}/10"));
}

/// <summary>
/// Fever, unexplained weight loss, feeling unwell, faintness or collapse: infection, bleeding or other disease. A fever or
/// feeling unwell that began with another illness (a cold) does not count here on its own; the emergency rules and
/// <see cref="FeverWhenInfectionProneRule"/> still count it (docs/clinical-basis.md#fever-other-cause).
/// </summary>
public sealed class SystemicSymptomsRule : RedFlagRule
{
    public override string Code => "red-flag.systemic-symptoms";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "systemic-symptoms";
    protected override string Reason => "Fever, unexplained weight loss, feeling unwell or faintness with hip pain: infection, bleeding or other disease must be ruled out.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var counted = answers.SystemicSymptoms
            .Where(s => answers.FeverBeganWithHipPain != false || s is not (SystemicSymptom.Fever or SystemicSymptom.FeelingUnwell)).ToList();
        return counted.Count == 0 ? null : [.. counted.Select(Describe.Systemic)];
    }
}

/// <summary>A fall or direct blow with swelling: fracture or hip pointer.</summary>
public sealed class FallWithSwellingRule : RedFlagRule
{
    public override string Code => "red-flag.fall-with-swelling";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "fall-with-swelling";
    protected override string Reason => "A fall or direct blow with swelling: a fracture must be ruled out in person.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.BeganAfter(PrecedingChange.FallOrDirectBlow) && answers.Swelling ? ["a fall or direct blow", "swelling or bruising"] : null;
}

/// <summary>
/// A bone-stress risk factor with groin pain on running, whatever the mileage: a suspected femoral neck stress injury
/// (docs/clinical-basis.md#low-energy-availability).
/// </summary>
public sealed class BoneStressRiskRule : RedFlagRule
{
    public override string Code => "red-flag.bone-stress-risk";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "low-energy-availability";
    protected override string Reason =>
        "Groin pain on running with a bone-stress risk factor (absent or irregular periods, low energy availability, low bone density or a previous stress fracture).";
    protected override string PatientInstruction => "Stop running until you have been seen.";

    /// <summary>The bone-stress risk factors in the answers, in plain words.</summary>
    public static List<string> RiskFactors(HipIntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Answers(
            (answers.Has(MedicalHistory.PreviousStressFracture), "previous stress fracture"),
            (answers.Has(MedicalHistory.LowBoneDensity), "low bone density"),
            (answers.Has(MedicalHistory.IrregularOrAbsentPeriods) || answers.MenstrualStatus is MenstrualStatus.Irregular, "irregular or absent periods"),
            (answers.MenstrualStatus is MenstrualStatus.AbsentThreeMonthsOrMore, "no periods for 3 months or more"),
            (answers.Has(MedicalHistory.EatingDisorderOrLowEnergyAvailability), "eating disorder or low energy availability"));
    }

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var risks = RiskFactors(answers);
        return risks.Count > 0 && answers.HasGroinPainOnRunning() ? [.. risks, "groin pain on running"] : null;
    }
}

/// <summary>Pain that spreads, that has not eased with rest and medication, or that nothing eases.</summary>
public sealed class PainNotEasingOrSpreadingRule : RedFlagRule
{
    public const int PersistingRestPain = 5;

    public override string Code => "red-flag.pain-spreading-or-not-easing";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "pain-spreading-not-easing";
    protected override string Reason => "The pain is spreading, or has not eased with rest and anti-inflammatories, or nothing eases it.";
    protected override bool InPerson => false;

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var notEasing = answers.Tried(TreatmentTried.Rest) && answers.Tried(TreatmentTried.Nsaids) && answers.Pain.AtRest >= PersistingRestPain;
        return !(answers.PainSpreading || notEasing || answers.NothingEasesPain) ? null : Answers(
            (answers.PainSpreading, "pain spreading to other areas"),
            (notEasing, $"rest pain {answers.Pain.AtRest}/10 despite rest and anti-inflammatories"),
            (answers.NothingEasesPain, "nothing eases the pain"));
    }
}

/// <summary>Plain words for answers, shared by the rules' reasons.</summary>
internal static class Describe
{
    public static string Systemic(SystemicSymptom symptom) => symptom switch
    {
        SystemicSymptom.Fever => "fever",
        SystemicSymptom.UnexplainedWeightLoss => "unexplained weight loss",
        SystemicSymptom.FaintnessOrCollapse => "faintness or collapse",
        _ => "feeling unwell",
    };
}
