using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Locations;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>Moves a booked appointment. Atomic: the new time is held and the old released, or nothing changes.</summary>
/// <param name="Start">The new start, ISO 8601 with offset.</param>
/// <param name="ClinicianId">A different clinician; the same one when absent.</param>
/// <param name="LocationId">In person: the location expected at the new time (refused when the clinician works elsewhere then); when absent, wherever the clinician works then.</param>
public sealed record RescheduleAppointmentCommand(DateTimeOffset Start, Guid? ClinicianId, Guid? LocationId = null) : IRequest<AppointmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class RescheduleAppointmentValidator : AbstractValidator<RescheduleAppointmentCommand>
{
    public RescheduleAppointmentValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(c => c.Start).NotEmpty().WithinSupportedDates(bounds);
    }
}

public sealed class RescheduleAppointmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RescheduleAppointmentCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(RescheduleAppointmentCommand request, CancellationToken cancellationToken)
    {
        var appointment = await db.AppointmentAsync(request.Id, cancellationToken);
        user.EnsureCanSee(appointment);
        var clinician = await db.ClinicianAsync(request.ClinicianId ?? appointment.ClinicianId.Value, cancellationToken);
        var type = await db.AppointmentTypeAsync(appointment.AppointmentTypeId.Value, cancellationToken);
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var start = request.Start.UtcDateTime;
        var timeOff = await db.TimeOffAroundAsync(clinician.Id, start, cancellationToken);
        var locations = await db.ClinicLocationsAsync(settings, cancellationToken);

        appointment.Reschedule(clinician, type, start, new BookingContext(settings, timeOff, clock.GetUtcNow().UtcDateTime, user.IsPatient())
        {
            Locations = locations,
            RequestedLocationId = locations.Named(request.LocationId),
        });
        try
        {
            // One save: the old cells are deleted and the new ones inserted in the same transaction.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.ClearChangeTracker();
            throw BookAppointmentHandler.SlotConflict();
        }

        return await db.DtoAsync(appointment.Id, cancellationToken);
    }
}
