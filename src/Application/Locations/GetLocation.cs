using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling;
using MediatR;

namespace ClinicHip.Application.Locations;

/// <summary>One location; a deactivated one is staff's only (others get 404).</summary>
/// <param name="Id">The location.</param>
public sealed record GetLocationQuery(Guid Id) : IRequest<LocationDto>;

public sealed class GetLocationHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetLocationQuery, LocationDto>
{
    public async Task<LocationDto> Handle(GetLocationQuery request, CancellationToken cancellationToken)
    {
        var location = await db.LocationAsync(request.Id, cancellationToken);
        if (!location.IsActive && !user.IsStaff())
        {
            throw new NotFoundException("Location", request.Id);
        }

        return LocationDto.From(location, (await db.ClinicSettingsAsync(cancellationToken)).TimeZoneId);
    }
}
