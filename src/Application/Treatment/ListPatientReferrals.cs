using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Outcomes;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Treatment;

/// <summary>The summaries of a patient's surgical referrals, one per plan that holds one, newest first.</summary>
public sealed record ListPatientReferralsQuery(Guid PatientId) : IRequest<IReadOnlyList<ReferralSummaryDto>>;

public sealed class ListPatientReferralsHandler(IApplicationDbContext db, ICurrentUser user, MeaningfulChangeThresholds thresholds)
    : IRequestHandler<ListPatientReferralsQuery, IReadOnlyList<ReferralSummaryDto>>
{
    public async Task<IReadOnlyList<ReferralSummaryDto>> Handle(ListPatientReferralsQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var plans = await db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(cancellationToken);
        var summaries = await ReferralSummaries.ForAsync(db, patientId, [.. plans.Where(p => TreatmentPlanAccess.MaySee(user, p))], thresholds, cancellationToken);
        return [.. summaries.OrderByDescending(s => s.ReferredAt)];
    }
}
