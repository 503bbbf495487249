namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// A reminder of an upcoming appointment, holding only what a reminder needs: never the appointment's reason, type or
/// any clinical content.
/// </summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="StartUtc">When it starts.</param>
/// <param name="LocalStart">When it starts in the clinic's time zone, for the message.</param>
/// <param name="RecipientEmail">The patient's email address.</param>
/// <param name="LeadTime">How long before the start this reminder is sent (e.g. 24 h).</param>
public sealed record AppointmentReminder(Guid AppointmentId, DateTime StartUtc, DateTimeOffset LocalStart, string RecipientEmail, TimeSpan LeadTime);

/// <summary>Sends patients their reminders: by default to the log, or by email when SMTP is configured.</summary>
public interface INotificationSender
{
    /// <summary>The channel it sends through, e.g. <c>log</c> or <c>email</c>.</summary>
    string Channel { get; }

    Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken);
}
