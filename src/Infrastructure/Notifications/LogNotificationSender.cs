using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Infrastructure.Notifications;

/// <summary>The default channel: a log line with ids, times and the channel. No names, no addresses, no reasons.</summary>
internal sealed partial class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public string Channel => "log";

    public Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ReminderSent(logger, reminder.AppointmentId, reminder.StartUtc, reminder.LeadTime, Channel);
        return Task.CompletedTask;
    }

    public Task SendAsync(IntakeReviewOverdueAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ReviewOverdue(logger, alert.IntakeFormId, alert.Level, alert.Waiting, Channel);
        return Task.CompletedTask;
    }

    public Task SendAsync(PatientInvitationMessage invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        InvitationNotDelivered(logger, invitation.InvitationId, Channel);
        return Task.CompletedTask;
    }

    // The token is a credential and never logged, so the log channel cannot deliver an invitation: say so.
    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Invitation {InvitationId} was not delivered: the {Channel} channel does not carry link tokens; configure SMTP to send invitations")]
    private static partial void InvitationNotDelivered(ILogger logger, Guid invitationId, string channel);

    public Task SendAsync(RegistrationAttemptNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RegistrationAttempted(logger, notice.UserId, notice.AttemptedAtUtc, Channel);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Notice to account {UserId} of a registration attempt with its email at {AttemptedAtUtc:o} sent via {Channel}")]
    private static partial void RegistrationAttempted(ILogger logger, Guid userId, DateTime attemptedAtUtc, string channel);

    public Task SendAsync(EmailChangedNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        EmailChanged(logger, notice.PatientId, notice.ChangedAtUtc, notice.ByStaff, Channel);
        return Task.CompletedTask;
    }

    // Neither address is logged: the record's id says whose it was.
    [LoggerMessage(EventId = 4105, Level = LogLevel.Information,
        Message = "Notice to the former address of patient {PatientId} of its email change at {ChangedAtUtc:o} (by staff: {ByStaff}) sent via {Channel}")]
    private static partial void EmailChanged(ILogger logger, Guid patientId, DateTime changedAtUtc, bool byStaff, string channel);

    public Task SendAsync(WaitlistOfferNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        OfferSent(logger, notice.WaitlistOfferId, notice.StartUtc, notice.ExpiresAtUtc, Channel);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Waitlist offer {WaitlistOfferId} of a slot starting {StartUtc:o}, held until {ExpiresAtUtc:o}, sent via {Channel}")]
    private static partial void OfferSent(ILogger logger, Guid waitlistOfferId, DateTime startUtc, DateTime expiresAtUtc, string channel);

    // A warning: an unreviewed Urgent or Emergency form is a clinical risk someone must act on.
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "{Level} intake form {IntakeFormId} has waited {Waiting} for review (alert via {Channel})")]
    private static partial void ReviewOverdue(ILogger logger, Guid intakeFormId, TriageLevel level, TimeSpan waiting, string channel);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Appointment reminder for {AppointmentId} starting {StartUtc:o} ({LeadTime} ahead) sent via {Channel}")]
    private static partial void ReminderSent(ILogger logger, Guid appointmentId, DateTime startUtc, TimeSpan leadTime, string channel);
}
