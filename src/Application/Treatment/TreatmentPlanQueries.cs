using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Treatment;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Treatment;

/// <summary>Loading plans, and what their answers need: one place for the treatment use cases.</summary>
public static class TreatmentPlanQueries
{
    /// <summary>A patient reads their own plans once they are active or closed; a draft or another's answers 404.</summary>
    public static async Task<TreatmentPlan> LoadAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var planId = new TreatmentPlanId(id);
        var plan = await db.TreatmentPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is not null && TreatmentPlanAccess.MaySee(user, plan) ? plan : throw new NotFoundException("Treatment plan", id);
    }

    public static async Task<IReadOnlyList<Diagnosis>> DiagnosesAsync(this IApplicationDbContext db, AssessmentId assessmentId, CancellationToken cancellationToken) =>
        (await db.DiagnosesByAssessmentAsync([assessmentId], cancellationToken)).GetValueOrDefault(assessmentId) ?? [];

    public static async Task<TreatmentPlanDto> DtoAsync(this IApplicationDbContext db, TreatmentPlan plan, CancellationToken cancellationToken) =>
        TreatmentPlanDto.From(plan, await db.DiagnosesAsync(plan.AssessmentId, cancellationToken));

    /// <summary>The answers for several plans with one read of their assessments' diagnoses, in the order given.</summary>
    public static async Task<IReadOnlyList<TreatmentPlanDto>> DtosAsync(this IApplicationDbContext db, IReadOnlyList<TreatmentPlan> plans, CancellationToken cancellationToken)
    {
        var diagnoses = await db.DiagnosesByAssessmentAsync([.. plans.Select(p => p.AssessmentId).Distinct()], cancellationToken);
        return [.. plans.Select(p => TreatmentPlanDto.From(p, diagnoses.GetValueOrDefault(p.AssessmentId) ?? []))];
    }

    private static async Task<Dictionary<AssessmentId, IReadOnlyList<Diagnosis>>> DiagnosesByAssessmentAsync(
        this IApplicationDbContext db, List<AssessmentId> assessmentIds, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Content })
            .ToDictionaryAsync(a => a.Id, a => a.Content.Diagnoses, cancellationToken);
}
