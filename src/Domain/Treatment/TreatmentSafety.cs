using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Conditions;

namespace ClinicHip.Domain.Treatment;

/// <summary>The configurable thresholds of the treatment safety rules; the defaults are those of docs/clinical-basis.md#injection-limits and #surgical-referral.</summary>
/// <param name="MaxCorticosteroidInjectionsPerYear">At most this many corticosteroid injections to one site and side in any 12 months ("no more than 3 in the same area a year").</param>
/// <param name="MinWeeksBetweenCorticosteroidInjections">At least this many weeks apart ("spaced at least ~6–12 weeks apart").</param>
/// <param name="MaxIceMinutesPerSession">Ice for at most this long a session ("about 15 minutes at a time").</param>
/// <param name="ConservativeCareWeeksBeforeReferral">Without a surgical indication, this many weeks of conservative care before a surgical referral.</param>
public sealed record TreatmentSafetyLimits(
    int MaxCorticosteroidInjectionsPerYear = 3, int MinWeeksBetweenCorticosteroidInjections = 6, int MaxIceMinutesPerSession = 20,
    int ConservativeCareWeeksBeforeReferral = 12);

/// <summary>A corticosteroid injection already given (or planned) for the patient.</summary>
public sealed record PriorInjection(InjectionSite Site, BodySide Side, DateOnly Date);

/// <summary>What the safety rules check an intervention against.</summary>
/// <param name="Diagnoses">The diagnoses of the plan's assessment.</param>
/// <param name="PriorCorticosteroidInjections">The patient's corticosteroid injections in all plans.</param>
/// <param name="ConservativeCareSince">When the patient's first treatment plan became active, if any.</param>
/// <param name="StressFractureCleared">A clinician has cleared the patient to run despite a stress-fracture diagnosis.</param>
/// <param name="Today">The current date.</param>
/// <param name="Limits">The thresholds.</param>
public sealed record TreatmentSafetyContext(
    IReadOnlyList<Diagnosis> Diagnoses, IReadOnlyList<PriorInjection> PriorCorticosteroidInjections, DateOnly? ConservativeCareSince,
    bool StressFractureCleared, DateOnly Today, TreatmentSafetyLimits Limits);

/// <summary>At most N corticosteroid injections to the same site and side in any 12 months.</summary>
public sealed class CorticosteroidInjectionsPerYearRule(InjectionDetails injection, TreatmentSafetyContext context) : IBusinessRule
{
    public string Code => "treatment.corticosteroid-yearly-limit";

    public string Message => $"At most {context.Limits.MaxCorticosteroidInjectionsPerYear} corticosteroid injections to the same site and side in any 12 months.";

    public bool IsBroken() => injection.Agent == InjectionAgent.Corticosteroid
        && context.PriorCorticosteroidInjections.Count(p => p.Site == injection.Site && p.Side == injection.Side
            && p.Date > injection.Date.AddYears(-1) && p.Date < injection.Date.AddYears(1)) >= context.Limits.MaxCorticosteroidInjectionsPerYear;
}

/// <summary>Corticosteroid injections to the same site and side at least N weeks apart.</summary>
public sealed class CorticosteroidInjectionSpacingRule(InjectionDetails injection, TreatmentSafetyContext context) : IBusinessRule
{
    public string Code => "treatment.corticosteroid-spacing";

    public string Message => $"Corticosteroid injections to the same site and side must be at least {context.Limits.MinWeeksBetweenCorticosteroidInjections} weeks apart.";

    public bool IsBroken() => injection.Agent == InjectionAgent.Corticosteroid
        && context.PriorCorticosteroidInjections.Any(p => p.Site == injection.Site && p.Side == injection.Side
            && Math.Abs(p.Date.DayNumber - injection.Date.DayNumber) < 7 * context.Limits.MinWeeksBetweenCorticosteroidInjections);
}

/// <summary>No running while a stress fracture is diagnosed, until a clinician records clearance (docs/clinical-basis.md#stress-fracture-in-person).</summary>
public sealed class NoRunningWithStressFractureRule(InterventionDetails details, TreatmentSafetyContext context) : IBusinessRule
{
    public string Code => "treatment.no-running-with-stress-fracture";

    public string Message => "The patient has a stress-fracture diagnosis: no running or return-to-run until a clinician records clearance.";

    public bool IsBroken()
    {
        var running = details is ReturnToRunDetails || details is RestDetails { RunningAllowed: not RunningAllowance.None };
        return running && !context.StressFractureCleared && context.Diagnoses.Any(d => d.IsStressFracture);
    }
}

/// <summary>
/// Surgery is the last resort: a referral needs a diagnosis that may warrant it (FAI, labral tear, stress fracture,
/// osteoarthritis) or N weeks of documented conservative care (docs/clinical-basis.md#surgical-referral).
/// </summary>
public sealed class SurgicalReferralNeedsIndicationRule(TreatmentSafetyContext context) : IBusinessRule
{
    private static readonly HipCondition[] SurgicalIndications =
    [
        HipCondition.FemoroacetabularImpingement, HipCondition.LabralTear, HipCondition.FemoralNeckStressFracture,
        HipCondition.FemoralShaftStressFracture, HipCondition.HipOsteoarthritis,
    ];

    public string Code => "treatment.referral-needs-indication";

    public string Message => $"A surgical referral needs an FAI, labral tear, stress fracture or osteoarthritis diagnosis, or {context.Limits.ConservativeCareWeeksBeforeReferral} weeks of conservative care.";

    public bool IsBroken() =>
        !context.Diagnoses.Any(d => SurgicalIndications.Contains(d.Condition))
        && !(context.ConservativeCareSince is { } since && since.AddDays(7 * context.Limits.ConservativeCareWeeksBeforeReferral) <= context.Today);
}

/// <summary>Ice at most N minutes a session.</summary>
public sealed class IceSessionLengthRule(IceOrHeatDetails therapy, TreatmentSafetyLimits limits) : IBusinessRule
{
    public string Code => "treatment.ice-session-too-long";

    public string Message => $"Ice for at most {limits.MaxIceMinutesPerSession} minutes a session.";

    public bool IsBroken() => therapy.Therapy == ThermalTherapy.Ice && therapy.MinutesPerSession > limits.MaxIceMinutesPerSession;
}

public static class TreatmentSafety
{
    /// <summary>The safety rules that apply to an intervention of this kind.</summary>
    public static IEnumerable<IBusinessRule> RulesFor(InterventionDetails details, TreatmentSafetyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return new NoRunningWithStressFractureRule(details, context);
        switch (details)
        {
            case InjectionDetails injection:
                yield return new CorticosteroidInjectionsPerYearRule(injection, context);
                yield return new CorticosteroidInjectionSpacingRule(injection, context);
                break;
            case SurgicalReferralDetails:
                yield return new SurgicalReferralNeedsIndicationRule(context);
                break;
            case IceOrHeatDetails therapy:
                yield return new IceSessionLengthRule(therapy, context.Limits);
                break;
        }
    }

    /// <summary>Hyaluronic acid is for osteoarthritis: a warning, not a refusal.</summary>
    public static string? HyaluronicAcidWarning(InterventionDetails details, IReadOnlyList<Diagnosis> diagnoses) =>
        details is InjectionDetails { Agent: InjectionAgent.HyaluronicAcid } && !diagnoses.Any(d => d.Condition == HipCondition.HipOsteoarthritis)
            ? "warning.hyaluronic-acid-without-osteoarthritis"
            : null;
}
