using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Locations;

/// <summary>Changes a location's name, address, phone or time zone. Booked appointments keep their instants.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Address">Street address, lines separated by newlines.</param>
/// <param name="Phone">The location's phone; null removes it.</param>
/// <param name="TimeZone">IANA time zone; null keeps the clinic's time zone.</param>
[AcceptsReadOnlyMembersOf(typeof(LocationDto))]
public sealed record UpdateLocationCommand(string Name, string Address, string? Phone = null, string? TimeZone = null) : IRequest<LocationDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class UpdateLocationValidator : AbstractValidator<UpdateLocationCommand>
{
    public UpdateLocationValidator() => this.ValidateDetails(c => c.Name, c => c.Address, c => c.Phone, c => c.TimeZone);
}

public sealed class UpdateLocationHandler(IApplicationDbContext db) : IRequestHandler<UpdateLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(UpdateLocationCommand request, CancellationToken cancellationToken)
    {
        var location = await db.LocationAsync(request.Id, cancellationToken);
        IfMatch.Ensure(request.ExpectedVersion, location.Version, "location");
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var phone = request.Phone is { } raw ? PhoneNormaliser.ToE164(raw, settings.DefaultPhoneRegion, "phone") : null;
        location.Change(request.Name, request.Address, phone, request.TimeZone);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw CreateLocationHandler.NameTaken(request.Name);
        }

        return LocationDto.From(location, settings.TimeZoneId);
    }
}
