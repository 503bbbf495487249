using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Locations;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Reminders;

/// <summary>What became of a due reminder.</summary>
public enum ReminderOutcome
{
    Sent,

    /// <summary>The appointment was cancelled, moved or has already happened: nothing is sent.</summary>
    NoLongerApplies,

    /// <summary>The patient has no email address, did not consent to email reminders, or has died: nothing is sent.</summary>
    NotWanted,
}

/// <summary>Sends a due reminder, after checking that the appointment is still booked at the time the reminder was made for.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="StartUtc">The start it was scheduled for; a rescheduled appointment has new reminders of its own.</param>
/// <param name="LeadTime">How long before the start.</param>
public sealed record SendAppointmentReminderCommand(Guid AppointmentId, DateTime StartUtc, TimeSpan LeadTime) : IRequest<ReminderOutcome>;

public sealed class SendAppointmentReminderHandler(IApplicationDbContext db, INotificationSender sender)
    : IRequestHandler<SendAppointmentReminderCommand, ReminderOutcome>
{
    public async Task<ReminderOutcome> Handle(SendAppointmentReminderCommand request, CancellationToken cancellationToken)
    {
        var id = new AppointmentId(request.AppointmentId);
        var target = await db.Appointments.AsNoTracking()
            .Where(a => a.Id == id && a.Status == AppointmentStatus.Booked && a.StartUtc == request.StartUtc)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.StartUtc, a.LocationId, p.Email, Consented = p.Reminders.Email && p.DateOfDeath == null })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return ReminderOutcome.NoLongerApplies;
        }

        if (target is not { Consented: true, Email: { } email })
        {
            return ReminderOutcome.NotWanted;
        }

        var (zone, place) = (await db.ClinicLocationsAsync(cancellationToken)).PatientClockOf(target.LocationId);
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(target.StartUtc, TimeSpan.Zero), zone);
        await sender.SendAsync(new AppointmentReminder(request.AppointmentId, target.StartUtc, local, email, request.LeadTime, place), cancellationToken);
        return ReminderOutcome.Sent;
    }
}
