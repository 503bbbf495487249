using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.AppointmentTypes;

/// <summary>Patients see the active types they may book online; staff see all.</summary>
public sealed record ListAppointmentTypesQuery : IRequest<IReadOnlyList<AppointmentTypeDto>>;

public sealed class ListAppointmentTypesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListAppointmentTypesQuery, IReadOnlyList<AppointmentTypeDto>>
{
    public async Task<IReadOnlyList<AppointmentTypeDto>> Handle(ListAppointmentTypesQuery request, CancellationToken cancellationToken)
    {
        var types = db.AppointmentTypes.AsNoTracking();
        if (user.IsPatient())
        {
            types = types.Where(t => t.IsActive && t.BookableOnline);
        }

        var list = await types.OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return list.ConvertAll(AppointmentTypeDto.From);
    }
}
