using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using MediatR;

namespace ClinicHip.Application.Scheduling.Appointments;

public sealed record GetAppointmentQuery(Guid Id) : IRequest<AppointmentDto>;

public sealed class GetAppointmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetAppointmentQuery, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(GetAppointmentQuery request, CancellationToken cancellationToken)
    {
        var dto = await db.VisibleDtoAsync(new AppointmentId(request.Id), user, cancellationToken);
        return dto ?? throw new Common.Exceptions.NotFoundException("Appointment", request.Id);
    }
}
