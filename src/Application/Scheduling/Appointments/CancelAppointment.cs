using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>Cancels a booked appointment and frees its time. Patients cancel their own future appointments; staff any.</summary>
/// <param name="Reason">FeelingBetter, Illness, Work, Travel, ClinicCancelled or Other.</param>
/// <param name="Note">Optional, up to 500 characters.</param>
/// <param name="Scope">ThisOnly (default), or ThisAndFollowing: also the later booked occurrences of the appointment's series, in the same save.</param>
public sealed record CancelAppointmentCommand(CancellationReason Reason, string? Note, CancellationScope Scope = CancellationScope.ThisOnly) : IRequest<AppointmentDto>
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
        RuleFor(c => c.Scope).IsInEnum();
    }
}

public sealed class CancelAppointmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CancelAppointmentCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(CancelAppointmentCommand request, CancellationToken cancellationToken)
    {
        var appointment = await db.AppointmentAsync(request.Id, cancellationToken);
        user.EnsureCanSee(appointment);
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        appointment.Cancel(request.Reason, request.Note, now, settings.LateCancellationWindow, user.IsPatient());
        if (request.Scope == CancellationScope.ThisAndFollowing && appointment.SeriesId is { } seriesId)
        {
            // One query for the rest of the course and one save for all of it: their cells, events and reminders go together.
            var following = await db.Appointments
                .Where(a => a.SeriesId == seriesId && a.StartUtc > appointment.StartUtc && a.Status == AppointmentStatus.Booked)
                .ToListAsync(cancellationToken);
            following.ForEach(a => a.Cancel(request.Reason, request.Note, now, settings.LateCancellationWindow, user.IsPatient()));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(appointment.Id, cancellationToken);
    }
}
