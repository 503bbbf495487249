using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>Cancels a booked appointment and frees its time. Patients cancel their own future appointments; staff any.</summary>
/// <param name="Reason">FeelingBetter, Illness, Work, Travel, ClinicCancelled or Other.</param>
/// <param name="Note">Optional, up to 500 characters.</param>
public sealed record CancelAppointmentCommand(CancellationReason Reason, string? Note) : IRequest<AppointmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class CancelAppointmentValidator : AbstractValidator<CancelAppointmentCommand>
{
    public CancelAppointmentValidator()
    {
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(Appointment.CancellationNoteMaxLength);
    }
}

public sealed class CancelAppointmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CancelAppointmentCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(CancelAppointmentCommand request, CancellationToken cancellationToken)
    {
        var appointment = await db.AppointmentAsync(request.Id, cancellationToken);
        user.EnsureCanSee(appointment);
        var settings = await db.ClinicSettingsAsync(cancellationToken);

        appointment.Cancel(request.Reason, request.Note, clock.GetUtcNow().UtcDateTime, settings.LateCancellationWindow, user.IsPatient());
        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(appointment.Id, cancellationToken);
    }
}

/// <summary>Moves a booked appointment. Atomic: the new time is held and the old released, or nothing changes.</summary>
/// <param name="Start">The new start, ISO 8601 with offset.</param>
/// <param name="ClinicianId">A different clinician; the same one when absent.</param>
public sealed record RescheduleAppointmentCommand(DateTimeOffset Start, Guid? ClinicianId) : IRequest<AppointmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
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

        appointment.Reschedule(clinician, type, start, new BookingContext(settings, timeOff, clock.GetUtcNow().UtcDateTime, user.IsPatient()));
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

/// <summary>The steps of an appointment's day.</summary>
public enum AppointmentStep
{
    CheckIn,
    Start,
    Complete,
    NoShow,
}

/// <summary>Records a step of the appointment's day: check-in, start, completion or a no-show.</summary>
public sealed record RecordAppointmentStepCommand(Guid Id, AppointmentStep Step) : IRequest<AppointmentDto>;

public sealed class RecordAppointmentStepHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordAppointmentStepCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(RecordAppointmentStepCommand request, CancellationToken cancellationToken)
    {
        var appointment = await db.AppointmentAsync(request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (request.Step)
        {
            case AppointmentStep.CheckIn:
                appointment.CheckIn(now);
                break;
            case AppointmentStep.Start:
                user.EnsureIsTheClinicianOf(appointment);
                appointment.Start(now);
                break;
            case AppointmentStep.Complete:
                user.EnsureIsTheClinicianOf(appointment);
                appointment.Complete(now);
                break;
            case AppointmentStep.NoShow:
                if (user.IsInRole(Roles.Clinician))
                {
                    user.EnsureIsTheClinicianOf(appointment);
                }

                appointment.MarkNoShow(now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Step, "Unknown step.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(appointment.Id, cancellationToken);
    }
}
