using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Locations;

/// <summary>Stops a location taking bookings; 409 while in-person appointments there are still to come.</summary>
/// <param name="Id">The location.</param>
public sealed record DeactivateLocationCommand(Guid Id) : IRequest<LocationDto>
{
    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    public Guid? ExpectedVersion { get; init; }
}

public sealed class DeactivateLocationValidator : AbstractValidator<DeactivateLocationCommand>
{
    public DeactivateLocationValidator() => RuleFor(c => c.Id).NotEmpty();
}

public sealed class DeactivateLocationHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<DeactivateLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(DeactivateLocationCommand request, CancellationToken cancellationToken)
    {
        var location = await db.LocationAsync(request.Id, cancellationToken);
        IfMatch.Ensure(request.ExpectedVersion, location.Version, "location");
        var now = clock.GetUtcNow().UtcDateTime;
        var (id, stillToCome) = (location.Id, new[] { AppointmentStatus.Booked, AppointmentStatus.CheckedIn, AppointmentStatus.InProgress });
        var futureBookings = await db.Appointments.CountAsync(a => a.LocationId == id && a.EndUtc > now && stillToCome.Contains(a.Status), cancellationToken);
        var otherActive = await db.Locations.CountAsync(l => l.Id != id && l.IsActive, cancellationToken);
        location.Deactivate(futureBookings, otherActive);
        await db.SaveChangesAsync(cancellationToken);
        return LocationDto.From(location, (await db.ClinicSettingsAsync(cancellationToken)).TimeZoneId);
    }
}
