using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Outcomes;

/// <summary>A patient's outcome measures: each instrument's series with change from baseline and meaningful improvement.</summary>
public sealed record GetOutcomesQuery(Guid PatientId) : IRequest<IReadOnlyList<OutcomeSeries>>;

public sealed class GetOutcomesHandler(IApplicationDbContext db, ICurrentUser user, MeaningfulChangeThresholds thresholds)
    : IRequestHandler<GetOutcomesQuery, IReadOnlyList<OutcomeSeries>>
{
    public async Task<IReadOnlyList<OutcomeSeries>> Handle(GetOutcomesQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var records = await db.OutcomeRecords.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(cancellationToken);
        return OutcomeProgress.Analyse(records, thresholds);
    }
}
