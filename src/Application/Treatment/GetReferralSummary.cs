using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Treatment;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Treatment;

/// <summary>What an orthopaedic hip surgeon needs with a referral.</summary>
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
    Guid PatientId, string PatientName, DateOnly DateOfBirth, ReferralUrgency Urgency, string Reason, IReadOnlyList<Diagnosis> Diagnoses, IReadOnlyList<ImagingRequest> Imaging,
    IReadOnlyList<string> TreatmentsTried, IReadOnlyList<OutcomeSeries> OutcomeHistory, DateTimeOffset ReferredAt);

public sealed record GetReferralSummaryQuery(Guid PlanId) : IRequest<ReferralSummaryDto>;

public sealed class GetReferralSummaryHandler(IApplicationDbContext db, ICurrentUser user, MeaningfulChangeThresholds thresholds)
    : IRequestHandler<GetReferralSummaryQuery, ReferralSummaryDto>
{
    public async Task<ReferralSummaryDto> Handle(GetReferralSummaryQuery request, CancellationToken cancellationToken)
    {
        var plan = await db.LoadAsync(user, request.PlanId, cancellationToken);
        var referral = plan.Interventions.LastOrDefault(i => i.Details is SurgicalReferralDetails) ?? throw new NotFoundException("Surgical referral in plan", request.PlanId);
        var details = (SurgicalReferralDetails)referral.Details;

        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == plan.PatientId, cancellationToken);
        var content = await db.Assessments.AsNoTracking().Where(a => a.Id == plan.AssessmentId).Select(a => a.Content).SingleAsync(cancellationToken);
        var plans = await db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == plan.PatientId).ToListAsync(cancellationToken);
        var intakeTreatments = await db.IntakeForms.AsNoTracking().Where(f => f.PatientId == plan.PatientId && f.Status != IntakeStatus.Superseded)
            .Select(f => f.Answers).ToListAsync(cancellationToken);
        var outcomes = await db.OutcomeRecords.AsNoTracking().Where(r => r.PatientId == plan.PatientId).ToListAsync(cancellationToken);

        var tried = plans.SelectMany(p => p.Interventions).Where(i => i.Details is not SurgicalReferralDetails)
            .Select(i => InterventionDto.KindOf(i.Details).ToString())
            .Concat(intakeTreatments.SelectMany(a => a.TreatmentsTried).Where(t => t != TreatmentTried.None).Select(t => $"{t} (before the clinic)"))
            .Distinct().ToList();
        return new ReferralSummaryDto(plan.PatientId.Value, patient.Name.FullName, patient.DateOfBirth, details.Urgency, details.Reason, content.Diagnoses, content.ImagingRequests,
            tried, OutcomeProgress.Analyse(outcomes, thresholds), new DateTimeOffset(referral.AddedAtUtc));
    }
}
