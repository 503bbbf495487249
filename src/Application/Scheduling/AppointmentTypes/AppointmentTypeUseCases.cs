using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.AppointmentTypes;

/// <summary>A kind of appointment.</summary>
/// <param name="Id">The appointment type id.</param>
/// <param name="Name">e.g. Initial hip assessment.</param>
/// <param name="DurationMinutes">How long it lasts.</param>
/// <param name="BufferAfterMinutes">Time the clinician keeps free after it.</param>
/// <param name="Mode">InPerson, Telehealth or Either.</param>
/// <param name="BookableOnline">Whether patients may book it themselves.</param>
/// <param name="IsActive">Whether it is offered.</param>
public sealed record AppointmentTypeDto(Guid Id, string Name, int DurationMinutes, int BufferAfterMinutes, AllowedModes Mode, bool BookableOnline, bool IsActive)
{
    public static AppointmentTypeDto From(AppointmentType t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id.Value, t.Name, (int)t.Duration.TotalMinutes, (int)t.BufferAfter.TotalMinutes, t.Modes, t.BookableOnline, t.IsActive);
    }
}

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

/// <summary>Adds or changes an appointment type.</summary>
/// <param name="Name">Unique name, e.g. Initial hip assessment.</param>
/// <param name="DurationMinutes">5 to 480, a multiple of 5.</param>
/// <param name="BufferAfterMinutes">0 to 120, a multiple of 5.</param>
/// <param name="Mode">InPerson, Telehealth or Either.</param>
/// <param name="BookableOnline">Whether patients may book it themselves.</param>
/// <param name="IsActive">Whether it is offered (new types are active).</param>
public sealed record SaveAppointmentTypeCommand(string Name, int DurationMinutes, int BufferAfterMinutes, AllowedModes Mode, bool BookableOnline, bool IsActive = true)
    : IRequest<AppointmentTypeDto>
{
    /// <summary>The type to change; none to add a new one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? Id { get; init; }
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
}

public sealed class SaveAppointmentTypeValidator : AbstractValidator<SaveAppointmentTypeCommand>
{
    public SaveAppointmentTypeValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(AppointmentType.NameMaxLength);
        RuleFor(c => c.DurationMinutes).InclusiveBetween(5, 480);
        RuleFor(c => c.BufferAfterMinutes).InclusiveBetween(0, 120);
        RuleFor(c => c.Mode).IsInEnum();
    }
}
