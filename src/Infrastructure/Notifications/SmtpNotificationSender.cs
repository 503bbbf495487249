using System.Globalization;
using System.Net;
using System.Net.Mail;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Notifications;

/// <summary>SMTP settings (<c>Notifications:Smtp:*</c>); reminders go by email when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Notifications:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "reminders@clinichip.example";
}

/// <summary>Emails the reminder to the patient: the date and time only, never the reason or type of the appointment.</summary>
internal sealed class SmtpNotificationSender(IOptions<SmtpOptions> options) : INotificationSender
{
    public string Channel => "email";

    public async Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        var when = reminder.LocalStart.ToString("dddd d MMMM yyyy 'at' h:mm tt", CultureInfo.GetCultureInfo("en-AU"));
        using var message = new MailMessage(smtp.From, reminder.RecipientEmail)
        {
            Subject = "Your ClinicHip appointment reminder",
            Body = $"This is a reminder of your appointment at ClinicHip on {when}.\n\n" +
                "If you cannot attend, please cancel or reschedule it in the app or call the clinic.",
        };
        await client.SendMailAsync(message, cancellationToken);
    }
}
