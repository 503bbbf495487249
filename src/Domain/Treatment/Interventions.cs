using ClinicHip.Domain.Assessments;

namespace ClinicHip.Domain.Treatment;

public enum RunningAllowance
{
    None,
    Reduced,
    Normal,
}

public enum CrossTraining
{
    Swimming,
    Cycling,
    AquaJogging,
    Elliptical,
    Rowing,
}

public enum ThermalTherapy
{
    Ice,
    Heat,
}

public enum Drug
{
    Ibuprofen,
    Naproxen,
    Paracetamol,
    Aspirin,
    Other,
}

/// <summary>The physiotherapy exercise catalogue (docs/clinical-basis.md#exercise-catalogue).</summary>
public enum Exercise
{
    GluteBridge,
    Clamshell,
    SidePlank,
    SidePlankWithLegRaise,
    FireHydrant,
    HamstringRaise,
    StandingHipAbduction,
    SideLunge,
    TrunkRotation,
    KneePullInPlank,
    HipFlexorStretch,
    PiriformisStretch,
    FoamRolling,
}

public enum InjectionAgent
{
    Corticosteroid,
    HyaluronicAcid,
    PlateletRichPlasma,
    LocalAnaesthetic,
}

public enum InjectionSite
{
    GreaterTrochantericBursa,
    IliopsoasBursa,
    HipJoint,
}

public enum ReferralUrgency
{
    Routine,
    Urgent,
}

/// <summary>What a plan prescribes; one record type per kind of intervention.</summary>
public abstract record InterventionDetails;

/// <summary>Relative rest: how much running, for how long, and what to do instead.</summary>
public sealed record RestDetails(RunningAllowance RunningAllowed, int Days, IReadOnlyList<CrossTraining> CrossTraining) : InterventionDetails;

/// <summary>Ice or heat: minutes a session, sessions a day.</summary>
public sealed record IceOrHeatDetails(ThermalTherapy Therapy, int MinutesPerSession, int SessionsPerDay) : InterventionDetails;

public sealed record MedicationDetails(Drug Drug, string? OtherDrugName, string Dose, string Frequency, int Days) : InterventionDetails;

public sealed record ExercisePrescription(Exercise Exercise, int Sets, int Reps, int? HoldSeconds);

public sealed record PhysiotherapyDetails(
    int SessionsPerWeek, int Weeks, IReadOnlyList<ExercisePrescription> Exercises, bool GaitRetraining, int? TargetCadence, string? FootwearAdvice) : InterventionDetails;

public sealed record InjectionDetails(InjectionAgent Agent, InjectionSite Site, BodySide Side, DateOnly Date) : InterventionDetails;

/// <summary>Referral to an orthopaedic hip surgeon.</summary>
public sealed record SurgicalReferralDetails(ReferralUrgency Urgency, string Reason) : InterventionDetails;

/// <summary>A graded return to running from a start to a target weekly distance.</summary>
public sealed record ReturnToRunDetails(decimal StartWeeklyKm, decimal TargetWeeklyKm, DateOnly StartDate) : InterventionDetails
{
    /// <summary>One week of the schedule.</summary>
    public sealed record Week(DateOnly WeekStart, decimal Km);

    /// <summary>
    /// Week by week from the start date: each week at most 10 % more than the week before (rounded down to 0.1 km),
    /// until the target is reached (docs/clinical-basis.md#return-to-run).
    /// </summary>
    public IReadOnlyList<Week> Schedule()
    {
        const int MaxWeeks = 104;
        var weeks = new List<Week> { new(StartDate, StartWeeklyKm) };
        var km = StartWeeklyKm;
        while (km < TargetWeeklyKm && weeks.Count < MaxWeeks)
        {
            var next = Math.Floor(km * 1.10m * 10) / 10;
            km = Math.Min(TargetWeeklyKm, next > km ? next : km + 0.1m);
            weeks.Add(new Week(StartDate.AddDays(7 * weeks.Count), km));
        }

        return weeks;
    }
}

/// <summary>One intervention of a plan, with any safety rule its prescriber overrode and why.</summary>
public sealed record TreatmentIntervention(
    Guid Id, InterventionDetails Details, DateTime AddedAtUtc, Staff.ClinicianId AddedBy, string? OverrideReason, IReadOnlyList<string> OverriddenRules)
{
    public const int OverrideReasonMaxLength = 500;
}
