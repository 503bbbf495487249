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
