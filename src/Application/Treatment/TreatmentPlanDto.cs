using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Treatment;

namespace ClinicHip.Application.Treatment;

public enum InterventionKind
{
    Rest,
    IceOrHeat,
    Medication,
    Physiotherapy,
    Injection,
    SurgicalReferral,
    ReturnToRun,
}

/// <summary>One intervention: its kind, the member of that kind, and any safety rule overridden (with the reason).</summary>
/// <param name="Id">The intervention id.</param>
/// <param name="Kind">Which member below is set.</param>
/// <param name="AddedAt">When (UTC).</param>
/// <param name="AddedByClinicianId">Who prescribed it.</param>
/// <param name="OverrideReason">Why a safety rule was overridden.</param>
/// <param name="OverriddenRules">The codes of the rules overridden.</param>
/// <param name="Rest">Relative rest.</param>
/// <param name="IceOrHeat">Ice or heat.</param>
/// <param name="Medication">Medication.</param>
/// <param name="Physiotherapy">Physiotherapy.</param>
/// <param name="Injection">Injection.</param>
/// <param name="SurgicalReferral">Surgical referral; GET /api/treatment-plans/{id}/referral-summary gives its summary.</param>
/// <param name="ReturnToRun">Return to run.</param>
/// <param name="ReturnToRunSchedule">The generated weekly schedule of a return to run.</param>
public sealed record InterventionDto(
    Guid Id, InterventionKind Kind, DateTimeOffset AddedAt, Guid AddedByClinicianId, string? OverrideReason, IReadOnlyList<string> OverriddenRules,
    RestDetails? Rest = null, IceOrHeatDetails? IceOrHeat = null, MedicationDetails? Medication = null, PhysiotherapyDetails? Physiotherapy = null,
    InjectionDetails? Injection = null, SurgicalReferralDetails? SurgicalReferral = null, ReturnToRunDetails? ReturnToRun = null,
    IReadOnlyList<ReturnToRunDetails.Week>? ReturnToRunSchedule = null)
{
    public static InterventionDto From(TreatmentIntervention i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var dto = new InterventionDto(i.Id, KindOf(i.Details), new DateTimeOffset(i.AddedAtUtc), i.AddedBy.Value, i.OverrideReason, i.OverriddenRules);
        return i.Details switch
        {
            RestDetails d => dto with { Rest = d },
            IceOrHeatDetails d => dto with { IceOrHeat = d },
            MedicationDetails d => dto with { Medication = d },
            PhysiotherapyDetails d => dto with { Physiotherapy = d },
            InjectionDetails d => dto with { Injection = d },
            SurgicalReferralDetails d => dto with { SurgicalReferral = d },
            ReturnToRunDetails d => dto with { ReturnToRun = d, ReturnToRunSchedule = d.Schedule() },
            _ => dto,
        };
    }

    public static InterventionKind KindOf(InterventionDetails details) => details switch
    {
        RestDetails => InterventionKind.Rest,
        IceOrHeatDetails => InterventionKind.IceOrHeat,
        MedicationDetails => InterventionKind.Medication,
        PhysiotherapyDetails => InterventionKind.Physiotherapy,
        InjectionDetails => InterventionKind.Injection,
        SurgicalReferralDetails => InterventionKind.SurgicalReferral,
        ReturnToRunDetails => InterventionKind.ReturnToRun,
        _ => throw new ArgumentOutOfRangeException(nameof(details)),
    };
}

/// <summary>A treatment plan.</summary>
/// <param name="Id">The plan id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="AssessmentId">The assessment it follows.</param>
/// <param name="AuthorClinicianId">Who wrote it.</param>
/// <param name="Goals">What the patient and clinician aim for.</param>
/// <param name="ReviewDate">When to review it.</param>
/// <param name="Status">Draft, Active, Completed or Discontinued.</param>
/// <param name="DiscontinuedReason">Why it was stopped.</param>
/// <param name="StressFractureClearedAt">When a clinician cleared the patient to run after a stress fracture.</param>
/// <param name="Interventions">What it prescribes.</param>
/// <param name="Warnings">Clinical warnings, e.g. hyaluronic acid without osteoarthritis.</param>
/// <param name="Version">Send it back as If-Match when you change the plan.</param>
public sealed record TreatmentPlanDto(
    Guid Id, Guid PatientId, Guid AssessmentId, Guid AuthorClinicianId, string Goals, DateOnly ReviewDate, PlanStatus Status, string? DiscontinuedReason,
    DateTimeOffset? StressFractureClearedAt, IReadOnlyList<InterventionDto> Interventions, IReadOnlyList<string> Warnings, Guid Version)
{
    /// <param name="plan">The plan.</param>
    /// <param name="diagnoses">The diagnoses of the assessment the plan follows: they decide the warnings.</param>
    public static TreatmentPlanDto From(TreatmentPlan plan, IReadOnlyList<Diagnosis> diagnoses)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = plan.Interventions.Select(i => TreatmentSafety.HyaluronicAcidWarning(i.Details, diagnoses)).OfType<string>().Distinct().ToList();
        return new TreatmentPlanDto(plan.Id.Value, plan.PatientId.Value, plan.AssessmentId.Value, plan.AuthorId.Value, plan.Goals, plan.ReviewDate, plan.Status,
            plan.DiscontinuedReason, plan.StressFractureClearedAtUtc is { } cleared ? new DateTimeOffset(cleared) : null,
            [.. plan.Interventions.Select(InterventionDto.From)], warnings, plan.Version);
    }
}
