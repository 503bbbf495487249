using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Locations;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Locations;

/// <summary>Opens a location of the clinic.</summary>
/// <param name="Name">Unique name, e.g. City clinic.</param>
/// <param name="Address">Street address, lines separated by newlines (at most 300 characters).</param>
/// <param name="Phone">The location's phone; without a country code it is read in the clinic's default phone region.</param>
/// <param name="TimeZone">IANA time zone of its wall clock, e.g. Australia/Perth; omit to keep the clinic's time zone.</param>
public sealed record CreateLocationCommand(string Name, string Address, string? Phone = null, string? TimeZone = null) : IRequest<LocationDto>;

public sealed class CreateLocationValidator : AbstractValidator<CreateLocationCommand>
{
    public CreateLocationValidator() => this.ValidateDetails(c => c.Name, c => c.Address, c => c.Phone, c => c.TimeZone);
}

public sealed class CreateLocationHandler(IApplicationDbContext db) : IRequestHandler<CreateLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(CreateLocationCommand request, CancellationToken cancellationToken)
    {
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var phone = request.Phone is { } raw ? PhoneNormaliser.ToE164(raw, settings.DefaultPhoneRegion, "phone") : null;
        var location = Location.Open(request.Name, request.Address, phone, request.TimeZone);
        db.Locations.Add(location);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw NameTaken(request.Name);
        }

        return LocationDto.From(location, settings.TimeZoneId);
    }

    internal static ConflictException NameTaken(string name) => new("location.name-taken", $"A location called '{name.Trim()}' already exists.");
}
