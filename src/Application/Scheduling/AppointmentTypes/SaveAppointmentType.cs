using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Locations;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Scheduling.AppointmentTypes;

/// <summary>Adds or changes an appointment type.</summary>
/// <param name="Name">Unique name, e.g. Initial hip assessment.</param>
/// <param name="DurationMinutes">5 to 480, a multiple of 5.</param>
/// <param name="BufferAfterMinutes">0 to 120, a multiple of 5.</param>
/// <param name="Mode">InPerson, Telehealth or Either.</param>
/// <param name="BookableOnline">Whether patients may book it themselves.</param>
/// <param name="IsActive">Whether it is offered (new types are active).</param>
/// <param name="LocationIds">
/// Where it can be booked in person. Omitted: a new in-person type is offered at every active location, and a change
/// keeps the list; a telehealth-only type has none.
/// </param>
public sealed record SaveAppointmentTypeCommand(
    string Name, int DurationMinutes, int BufferAfterMinutes, AllowedModes Mode, bool BookableOnline, bool IsActive = true, IReadOnlyList<Guid>? LocationIds = null)
    : IRequest<AppointmentTypeDto>
{
    /// <summary>The type to change; none to add a new one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? Id { get; init; }
}

public sealed class SaveAppointmentTypeValidator : AbstractValidator<SaveAppointmentTypeCommand>
{
    public SaveAppointmentTypeValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AppointmentType.NameMaxLength);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(5, 480);
        RuleFor(c => c.BufferAfterMinutes).InclusiveBetween(0, 120);
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.LocationIds).Must(ids => ids!.Count <= 100).When(c => c.LocationIds is not null).WithMessage("At most 100 locations.");
        RuleForEach(c => c.LocationIds).NotEmpty();
    }
}

public sealed class SaveAppointmentTypeHandler(IApplicationDbContext db) : IRequestHandler<SaveAppointmentTypeCommand, AppointmentTypeDto>
{
    public async Task<AppointmentTypeDto> Handle(SaveAppointmentTypeCommand request, CancellationToken cancellationToken)
    {
        var (duration, buffer) = (TimeSpan.FromMinutes(request.DurationMinutes), TimeSpan.FromMinutes(request.BufferAfterMinutes));
        AppointmentType type;
        if (request.Id is { } id)
        {
            type = await db.AppointmentTypeAsync(id, cancellationToken);
            type.Change(request.Name, duration, buffer, request.Mode, request.BookableOnline, request.IsActive);
        }
        else
        {
            type = AppointmentType.Create(request.Name, duration, buffer, request.Mode, request.BookableOnline);
            type.Change(request.Name, duration, buffer, request.Mode, request.BookableOnline, request.IsActive);
            db.AppointmentTypes.Add(type);
        }

        if (request.LocationIds is not null || request.Id is null || request.Mode == AllowedModes.Telehealth)
        {
            type.OfferInPersonAt(await InPersonLocationsAsync(request, cancellationToken));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new ConflictException("appointment-type.name-taken", $"An appointment type called '{request.Name.Trim()}' already exists.");
        }

        return AppointmentTypeDto.From(type);
    }

    private async Task<IEnumerable<LocationId>> InPersonLocationsAsync(SaveAppointmentTypeCommand request, CancellationToken cancellationToken)
    {
        var locations = await db.ClinicLocationsAsync(cancellationToken);
        if (request.LocationIds is null)
        {
            return request.Mode == AllowedModes.Telehealth ? [] : locations.All.Where(l => l.IsActive).Select(l => l.Id).ToList();
        }

        var named = request.LocationIds.Select(id => new LocationId(id)).ToList();
        var unknown = named.Where(id => locations.Find(id) is null).Select(id => (Guid?)id.Value).FirstOrDefault();
        return unknown is { } missing
            ? throw new UnprocessableRequestException("appointment-type.location-unknown", $"There is no location {missing}.")
            : named;
    }
}
