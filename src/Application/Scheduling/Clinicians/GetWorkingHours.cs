using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Scheduling.Clinicians;

public sealed record GetWorkingHoursQuery(Guid ClinicianId) : IRequest<WorkingHoursDto>;

public sealed class GetWorkingHoursHandler(IApplicationDbContext db) : IRequestHandler<GetWorkingHoursQuery, WorkingHoursDto>
{
    public async Task<WorkingHoursDto> Handle(GetWorkingHoursQuery request, CancellationToken cancellationToken)
    {
        return WorkingHoursDto.From(await db.ClinicianAsync(request.ClinicianId, cancellationToken));
    }
}
