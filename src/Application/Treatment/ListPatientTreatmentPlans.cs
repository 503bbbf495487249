using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Treatment;

/// <summary>A patient's plans, newest first: all for clinicians; active and past ones for the patient.</summary>
public sealed record ListPatientTreatmentPlansQuery(Guid PatientId) : IRequest<IReadOnlyList<TreatmentPlanDto>>;

public sealed class ListPatientTreatmentPlansHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListPatientTreatmentPlansQuery, IReadOnlyList<TreatmentPlanDto>>
{
    public async Task<IReadOnlyList<TreatmentPlanDto>> Handle(ListPatientTreatmentPlansQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var plans = await db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(cancellationToken);
        return await db.DtosAsync([.. plans.Where(p => TreatmentPlanAccess.MaySee(user, p)).OrderByDescending(p => p.CreatedAtUtc)], cancellationToken);
    }
}
