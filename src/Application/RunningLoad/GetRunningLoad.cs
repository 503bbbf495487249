using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using MediatR;

namespace ClinicHip.Application.RunningLoad;

public sealed record GetRunningLoadQuery(Guid PatientId) : IRequest<RunningLoadDto>;

public sealed class GetRunningLoadHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetRunningLoadQuery, RunningLoadDto>
{
    public async Task<RunningLoadDto> Handle(GetRunningLoadQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        return await RunningLoadDto.LoadAsync(db, patientId, cancellationToken);
    }
}
