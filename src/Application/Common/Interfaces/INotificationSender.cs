using ClinicHip.Domain.Intake;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// A reminder of an upcoming appointment, holding only what a reminder needs: never the appointment's reason, type or
/// any clinical content.
/// </summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="StartUtc">When it starts.</param>
/// <param name="LocalStart">When it starts on the wall clock the patient goes by: the location's for in person, the clinic's for telehealth.</param>
/// <param name="RecipientEmail">The patient's email address.</param>
/// <param name="LeadTime">How long before the start this reminder is sent (e.g. 24 h).</param>
/// <param name="LocationName">Where, in person; null for telehealth.</param>
public sealed record AppointmentReminder(
    Guid AppointmentId, DateTime StartUtc, DateTimeOffset LocalStart, string RecipientEmail, TimeSpan LeadTime, string? LocationName = null);

/// <summary>
/// Tells the clinic's staff that an Urgent or Emergency intake form has waited too long for review. Ids, level and
/// times only: never the patient's name, answers or reasons.
/// </summary>
/// <param name="IntakeFormId">The form.</param>
/// <param name="Level">Urgent or Emergency.</param>
/// <param name="SubmittedAtUtc">When it was submitted.</param>
/// <param name="Waiting">How long it has waited.</param>
public sealed record IntakeReviewOverdueAlert(Guid IntakeFormId, TriageLevel Level, DateTime SubmittedAtUtc, TimeSpan Waiting);

/// <summary>
/// An invitation to claim a patient record: the link token goes to the patient's email and nowhere else (never a log,
/// never a webhook).
/// </summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="RecipientEmail">The patient's email address, which becomes their login.</param>
/// <param name="Token">The single-use link token.</param>
/// <param name="ExpiresAtUtc">When the token stops working.</param>
public sealed record PatientInvitationMessage(Guid InvitationId, string RecipientEmail, string Token, DateTime ExpiresAtUtc);

/// <summary>
/// Tells an account's owner that someone tried to register with their email address. Registration answers the same
/// whether or not the email has an account (docs/decisions/0027), so this notice is how the owner learns of it.
/// </summary>
/// <param name="UserId">The account.</param>
/// <param name="RecipientEmail">The account's email address.</param>
/// <param name="AttemptedAtUtc">When the registration was attempted.</param>
public sealed record RegistrationAttemptNotice(Guid UserId, string RecipientEmail, DateTime AttemptedAtUtc);

/// <summary>
/// Tells a patient, at the address the clinic had for them, that the record's email address was changed, so a change
/// they did not ask for (a mistyped address, or one typed by someone who should not have) is noticed. The new address is
/// not included: it may not be theirs.
/// </summary>
/// <param name="PatientId">The record.</param>
/// <param name="RecipientEmail">The former email address.</param>
/// <param name="ChangedAtUtc">When it was changed.</param>
/// <param name="ByStaff">Whether the clinic's staff changed it (otherwise the patient did, signed in).</param>
public sealed record EmailChangedNotice(Guid PatientId, string RecipientEmail, DateTime ChangedAtUtc, bool ByStaff);

/// <summary>
/// Tells a patient a slot is held for them from the waitlist until <see cref="ExpiresAtUtc"/>. Times only: never the type,
/// reason or clinician.
/// </summary>
/// <param name="WaitlistOfferId">The offer, to accept or decline.</param>
/// <param name="StartUtc">When the slot starts.</param>
/// <param name="LocalStart">The same on the location's clock for in person, the clinic's for telehealth.</param>
/// <param name="ExpiresAtUtc">When the hold lapses unanswered.</param>
/// <param name="LocalExpiresAt">The same on that clock.</param>
/// <param name="RecipientEmail">The patient's email address.</param>
/// <param name="LocationName">Where, in person; null for telehealth.</param>
public sealed record WaitlistOfferNotice(
    Guid WaitlistOfferId, DateTime StartUtc, DateTimeOffset LocalStart, DateTime ExpiresAtUtc, DateTimeOffset LocalExpiresAt, string RecipientEmail,
    string? LocationName = null);

/// <summary>Sends patients their reminders and staff their alerts: by default to the log, or by email when SMTP is configured.</summary>
public interface INotificationSender
{
    /// <summary>The channel it sends through, e.g. <c>log</c> or <c>email</c>.</summary>
    string Channel { get; }

    Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken);

    Task SendAsync(IntakeReviewOverdueAlert alert, CancellationToken cancellationToken);

    Task SendAsync(PatientInvitationMessage invitation, CancellationToken cancellationToken);

    Task SendAsync(RegistrationAttemptNotice notice, CancellationToken cancellationToken);

    Task SendAsync(EmailChangedNotice notice, CancellationToken cancellationToken);

    Task SendAsync(WaitlistOfferNotice notice, CancellationToken cancellationToken);
}
