using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>Why a vignette is in the set.</summary>
public enum Kind
{
    Emergency,
    Urgent,
    Soon,

    /// <summary>Resembles something serious but is not: must not be over-triaged.</summary>
    LookAlike,
}

/// <summary>
/// A case written from a reference on the differential of hip and groin pain (the source named), not from the rules:
/// what the patient answers, and what a clinician expects of the triage.
/// </summary>
/// <param name="Story">What the patient reports.</param>
/// <param name="Source">The reference the case is written from (numbered as in docs/clinical-basis.md).</param>
/// <param name="Kind">Why it is here.</param>
/// <param name="Age">Age on the day.</param>
/// <param name="Answers">The answers.</param>
/// <param name="Level">The level a clinician expects.</param>
/// <param name="InPerson">Whether telehealth alone is not enough.</param>
/// <param name="Expected">The condition that must be among the suggestions.</param>
/// <param name="ExpectedFirst">The expected condition must rank first among those not marked must-rule-out.</param>
public sealed record DifferentialVignette(
    string Story, string Source, Kind Kind, int Age, HipIntakeAnswers Answers, TriageLevel Level, bool InPerson, HipCondition Expected, bool ExpectedFirst = false)
{
    public override string ToString() => $"{Story} ({Age})";
}
