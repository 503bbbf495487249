using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Locations;

/// <summary>The clinic's locations, by name: patients and integration clients see the ones taking bookings, staff all.</summary>
public sealed record ListLocationsQuery : IRequest<IReadOnlyList<LocationDto>>;

public sealed class ListLocationsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListLocationsQuery, IReadOnlyList<LocationDto>>
{
    public async Task<IReadOnlyList<LocationDto>> Handle(ListLocationsQuery request, CancellationToken cancellationToken)
    {
        var locations = db.Locations.AsNoTracking();
        if (!user.IsStaff())
        {
            locations = locations.Where(l => l.IsActive);
        }

        var zone = (await db.ClinicSettingsAsync(cancellationToken)).TimeZoneId;
        var list = await locations.OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return list.ConvertAll(l => LocationDto.From(l, zone));
    }
}
