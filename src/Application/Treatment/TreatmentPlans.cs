using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Treatment;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Treatment;

/// <summary>Loading, access and safety context for plans: one place for the use cases below.</summary>
public static class TreatmentPlans
{
    /// <summary>A patient reads their own plans once they are active or closed; a draft or another's answers 404.</summary>
    public static async Task<TreatmentPlan> LoadAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var planId = new TreatmentPlanId(id);
        var plan = await db.TreatmentPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is not null && MaySee(user, plan) ? plan : throw new NotFoundException("Treatment plan", id);
    }

    public static bool MaySee(ICurrentUser user, TreatmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return user.MayReach(plan.PatientId) && (!user.IsPatient() || plan.Status != PlanStatus.Draft);
    }

    public static async Task<IReadOnlyList<Diagnosis>> DiagnosesAsync(this IApplicationDbContext db, AssessmentId assessmentId, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.Content).SingleAsync(cancellationToken) is { } content
            ? content.Diagnoses : [];

    public static async Task<TreatmentPlanDto> DtoAsync(this IApplicationDbContext db, TreatmentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var diagnoses = await db.DiagnosesAsync(plan.AssessmentId, cancellationToken);
        var warnings = plan.Interventions.Select(i => TreatmentSafety.HyaluronicAcidWarning(i.Details, diagnoses)).OfType<string>().Distinct().ToList();
        return new TreatmentPlanDto(plan.Id.Value, plan.PatientId.Value, plan.AssessmentId.Value, plan.AuthorId.Value, plan.Goals, plan.ReviewDate, plan.Status,
            plan.DiscontinuedReason, plan.StressFractureClearedAtUtc is { } cleared ? new DateTimeOffset(cleared) : null,
            [.. plan.Interventions.Select(InterventionDto.From)], warnings, plan.Version);
    }
}
