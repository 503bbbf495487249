using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Treatment;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Treatment;

/// <summary>What an orthopaedic hip surgeon needs with a referral.</summary>
/// <param name="PlanId">The treatment plan holding the referral.</param>
/// <param name="PlanStatus">That plan's status.</param>
/// <param name="ReferredByClinicianId">The clinician who added the referral.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="PatientName">The patient's name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Urgency">Routine or Urgent.</param>
/// <param name="Reason">Why the patient is referred.</param>
/// <param name="Diagnoses">From the assessment the plan follows.</param>
/// <param name="Imaging">Imaging requested at that assessment.</param>
/// <param name="TreatmentsTried">Interventions in the patient's plans, and treatments they reported at intake.</param>
/// <param name="OutcomeHistory">Outcome scores over time.</param>
/// <param name="ReferredAt">When the referral was added.</param>
public sealed record ReferralSummaryDto(
    Guid PlanId, PlanStatus PlanStatus, Guid ReferredByClinicianId,
    Guid PatientId, string PatientName, DateOnly DateOfBirth, ReferralUrgency Urgency, string Reason, IReadOnlyList<Diagnosis> Diagnoses, IReadOnlyList<ImagingRequest> Imaging,
    IReadOnlyList<string> TreatmentsTried, IReadOnlyList<OutcomeSeries> OutcomeHistory, DateTimeOffset ReferredAt);

/// <summary>Builds referral summaries: the patient's history is read once for all the plans given.</summary>
internal static class ReferralSummaries
{
    /// <summary>One summary per plan of <paramref name="plans"/> (all the patient's) that holds a surgical referral, from its latest one.</summary>
    public static async Task<IReadOnlyList<ReferralSummaryDto>> ForAsync(
        IApplicationDbContext db, PatientId patientId, IReadOnlyList<TreatmentPlan> plans, MeaningfulChangeThresholds thresholds, CancellationToken cancellationToken)
    {
        var referring = plans.Select(p => (Plan: p, Referral: p.Interventions.LastOrDefault(i => i.Details is SurgicalReferralDetails)))
            .Where(r => r.Referral is not null).ToList();
        if (referring.Count == 0)
        {
            return [];
        }

        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, cancellationToken);
        var assessmentIds = referring.Select(r => r.Plan.AssessmentId).Distinct().ToList();
        var contents = await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Content }).ToDictionaryAsync(a => a.Id, a => a.Content, cancellationToken);
        var allPlans = await db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(cancellationToken);
        var intakeAnswers = await db.IntakeForms.AsNoTracking().Where(f => f.PatientId == patientId && f.Status != IntakeStatus.Superseded)
            .Select(f => f.Answers).ToListAsync(cancellationToken);
        var outcomes = await db.OutcomeRecords.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(cancellationToken);

        var tried = allPlans.SelectMany(p => p.Interventions).Where(i => i.Details is not SurgicalReferralDetails)
            .Select(i => InterventionDto.KindOf(i.Details).ToString())
            .Concat(intakeAnswers.SelectMany(a => a.TreatmentsTried).Where(t => t != TreatmentTried.None).Select(t => $"{t} (before the clinic)"))
            .Distinct().ToList();
        var history = OutcomeProgress.Analyse(outcomes, thresholds);
        return [.. referring.Select(r =>
        {
            var details = (SurgicalReferralDetails)r.Referral!.Details;
            var content = contents[r.Plan.AssessmentId];
            return new ReferralSummaryDto(r.Plan.Id.Value, r.Plan.Status, r.Referral.AddedBy.Value, patientId.Value, patient.Name.FullName, patient.DateOfBirth,
                details.Urgency, details.Reason, content.Diagnoses, content.ImagingRequests, tried, history, new DateTimeOffset(r.Referral.AddedAtUtc));
        })];
    }
}
