using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Infrastructure.Notifications;

/// <summary>The default reminder channel: a log line with the appointment id, its time and the channel. No names, no addresses, no reasons.</summary>
internal sealed partial class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public string Channel => "log";

    public Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ReminderSent(logger, reminder.AppointmentId, reminder.StartUtc, reminder.LeadTime, Channel);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Appointment reminder for {AppointmentId} starting {StartUtc:o} ({LeadTime} ahead) sent via {Channel}")]
    private static partial void ReminderSent(ILogger logger, Guid appointmentId, DateTime startUtc, TimeSpan leadTime, string channel);
}
