using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

public sealed record GetAppointmentQuery(Guid Id) : IRequest<AppointmentDto>;

public sealed class GetAppointmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetAppointmentQuery, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(GetAppointmentQuery request, CancellationToken cancellationToken)
    {
        var id = new AppointmentId(request.Id);
        var dto = await db.Appointments.AsNoTracking().Where(a => a.Id == id).VisibleTo(user, null, null).ToDtos(db)
            .SingleOrDefaultAsync(cancellationToken);
        return dto ?? throw new Common.Exceptions.NotFoundException("Appointment", request.Id);
    }
}
