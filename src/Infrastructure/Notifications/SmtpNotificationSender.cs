using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Mail;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Notifications;

/// <summary>SMTP settings (<c>Notifications:Smtp:*</c>); reminders go by email when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Notifications:Smtp";

    public string? Host { get; set; }

    [Range(1, 65_535, ErrorMessage = "Notifications:Smtp:Port must be between {1} and {2}.")]
    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Notifications:Smtp:From must be set.")]
    [EmailAddress(ErrorMessage = "Notifications:Smtp:From must be an email address.")]
    public string From { get; set; } = "reminders@clinichip.example";

    /// <summary>The clinic's shared inbox for overdue-review alerts; without it, alerts are only logged.</summary>
    [EmailAddress(ErrorMessage = "Notifications:Smtp:StaffAlertsTo must be an email address.")]
    public string? StaffAlertsTo { get; set; }
}

/// <summary>
/// Emails the reminder to the patient (the date and time only, never the reason or type of the appointment), and
/// overdue-review alerts to the clinic's inbox (the form id and level only).
/// </summary>
internal sealed partial class SmtpNotificationSender(IOptions<SmtpOptions> options, ILogger<SmtpNotificationSender> logger) : INotificationSender
{
    public string Channel => "email";

    private static readonly CultureInfo Australian = CultureInfo.GetCultureInfo("en-AU");

    public Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var when = reminder.LocalStart.ToString("dddd d MMMM yyyy 'at' h:mm tt", Australian);
        return MailAsync(reminder.RecipientEmail, "Your ClinicHip appointment reminder",
            $"This is a reminder of your appointment at {Place(reminder.LocationName)} on {when}.\n\n" +
            "If you cannot attend, please cancel or reschedule it in the app or call the clinic.", cancellationToken);
    }

    public Task SendAsync(IntakeReviewOverdueAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (string.IsNullOrWhiteSpace(options.Value.StaffAlertsTo))
        {
            AlertNotEmailed(logger, alert.IntakeFormId, alert.Level, alert.Waiting);
            return Task.CompletedTask;
        }

        return MailAsync(options.Value.StaffAlertsTo, $"{alert.Level} intake form waiting for review",
            $"Intake form {alert.IntakeFormId} ({alert.Level}) has waited {alert.Waiting.TotalHours:0.#} hours for a clinician's review. "
            + "Open it in ClinicHip's work list.", cancellationToken);
    }

    public Task SendAsync(PatientInvitationMessage invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var until = invitation.ExpiresAtUtc.ToString("d MMMM yyyy HH:mm 'UTC'", Australian);
        return MailAsync(invitation.RecipientEmail, "Set up your ClinicHip login",
            "The clinic has invited you to set up a login for your patient record.\n\n" +
            $"Your invitation code: {invitation.Token}\n\nIt works once, until {until}. If you did not expect this email, ignore it.", cancellationToken);
    }

    public Task SendAsync(RegistrationAttemptNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var when = notice.AttemptedAtUtc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", Australian);
        return MailAsync(notice.RecipientEmail, "Someone tried to register with your email at ClinicHip",
            $"On {when} someone tried to register a new ClinicHip account with this email address, which already has one. "
            + "Nothing was changed. If it was you, sign in with your existing password. If it was not, you need do nothing.", cancellationToken);
    }

    public Task SendAsync(EmailChangedNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var when = notice.ChangedAtUtc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", Australian);
        return MailAsync(notice.RecipientEmail, "The email address on your ClinicHip record was changed",
            $"On {when} {(notice.ByStaff ? "the clinic's staff" : "you, signed in,")} changed the email address on your patient record "
            + "from this one to another. Clinic emails now go there instead. If you did not ask for this, call the clinic.", cancellationToken);
    }

    public Task SendAsync(WaitlistOfferNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var when = notice.LocalStart.ToString("dddd d MMMM yyyy 'at' h:mm tt", Australian);
        var until = notice.LocalExpiresAt.ToString("h:mm tt", Australian);
        return MailAsync(notice.RecipientEmail, "An earlier ClinicHip appointment is free for you",
            $"An appointment at {Place(notice.LocationName)} on {when} has come free and is held for you until {until}.\n\n" +
            "Accept or decline it in the app (your waitlist); after that it is offered to the next patient.", cancellationToken);
    }

    /// <summary>One message from the configured sender, over a client made for it (SmtpClient is not safe to share).</summary>
    private async Task MailAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = Client(smtp);
        using var message = new MailMessage(smtp.From, to) { Subject = subject, Body = body };
        await client.SendMailAsync(message, cancellationToken);
    }

    /// <summary>The location's name (the times are on its clock), or the clinic's for telehealth.</summary>
    private static string Place(string? locationName) => locationName is null ? "ClinicHip" : $"ClinicHip {locationName} (local time there)";

    private static SmtpClient Client(SmtpOptions smtp)
    {
        var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "{Level} intake form {IntakeFormId} has waited {Waiting} for review; no Notifications:Smtp:StaffAlertsTo is set to email it to")]
    private static partial void AlertNotEmailed(ILogger logger, Guid intakeFormId, TriageLevel level, TimeSpan waiting);
}
