using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.RunningLoad;

public sealed record GetRunningLoadQuery(Guid PatientId) : IRequest<RunningLoadDto>;

public sealed class GetRunningLoadHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetRunningLoadQuery, RunningLoadDto>
{
    public async Task<RunningLoadDto> Handle(GetRunningLoadQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);

        var weeks = await db.RunningLoadWeeks.AsNoTracking().Where(w => w.PatientId == patientId).ToListAsync(cancellationToken);
        return new RunningLoadDto(request.PatientId, RunningLoadAnalysis.Analyse(weeks));
    }
}
