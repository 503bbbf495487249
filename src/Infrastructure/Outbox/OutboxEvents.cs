using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Application.Billing;
using ClinicHip.Domain.Billing;
using ClinicHip.Application.Reminders;
using ClinicHip.Application.Webhooks;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Waitlist;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>The body of a webhook, which receivers de-duplicate by <c>id</c>.</summary>
/// <param name="Id">The event id, also sent as the <c>Webhook-Id</c> header.</param>
/// <param name="Type">The event type.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="Data">What it concerns, of the type <see cref="WebhookEventTypes.Data"/> names for <paramref name="Type"/>.</param>
public sealed record WebhookEventBody(Guid Id, string Type, DateTimeOffset OccurredAt, object Data);

/// <summary>What a reminder row holds: which appointment, the start it was made for, and how long before.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="StartUtc">Its start when the reminder was scheduled.</param>
/// <param name="LeadTime">How long before the start it is due.</param>
public sealed record ReminderPayload(Guid AppointmentId, DateTime StartUtc, TimeSpan LeadTime);

/// <summary>What a review-due row holds: the Urgent or Emergency form to check.</summary>
/// <param name="IntakeFormId">The form.</param>
public sealed record IntakeReviewDuePayload(Guid IntakeFormId);

/// <summary>What an invitation row holds: the invitation to send (its token is made again when it is sent).</summary>
/// <param name="InvitationId">The invitation.</param>
public sealed record PatientInvitationPayload(Guid InvitationId);

/// <summary>What a freed-time row holds: whose diary and which stretch of it the waitlist may be offered.</summary>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="FromUtc">Start of the freed time.</param>
/// <param name="ToUtc">End of it.</param>
public sealed record DiaryTimeFreedPayload(Guid ClinicianId, DateTime FromUtc, DateTime ToUtc);

/// <summary>What a waitlist offer's notice and expiry rows hold: the offer.</summary>
/// <param name="WaitlistOfferId">The offer.</param>
public sealed record WaitlistOfferPayload(Guid WaitlistOfferId);

/// <summary>
/// Turns domain events into outbox rows: one webhook event each (two for an Urgent or Emergency form), plus reminders
/// for bookings and reschedules and a review check for Urgent and Emergency forms, both run when due by the dispatcher.
/// </summary>
public static class OutboxEvents
{
    public const string ReminderType = "appointment.reminder";
    public const string IntakeReviewDueType = "intake.review-due";
    public const string PatientInvitationType = "patient.invitation";
    public const string RegistrationAttemptType = "account.registration-attempt";

    /// <summary>Tell a patient at their former address that the record's email was changed.</summary>
    public const string EmailChangedNoticeType = "patient.email-changed-notice";

    /// <summary>Offer the waitlist what is free in a stretch of a clinician's diary that was just freed.</summary>
    public const string WaitlistTimeFreedType = "waitlist.time-freed";

    /// <summary>Tell the patient of a slot offered to them.</summary>
    public const string WaitlistOfferNoticeType = "waitlist.offer-notice";

    /// <summary>Release an offer's hold if it is still unanswered when its time is up.</summary>
    public const string WaitlistOfferExpiryType = "waitlist.offer-expiry";

    /// <summary>camelCase members and enums by name, as the API writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The rows for one event; <paramref name="raisedBy"/> is the aggregate that raised it, as it is being saved.</summary>
    public static IEnumerable<OutboxMessage> ToMessages(IDomainEvent domainEvent, OutboxOptions options, AuditableEntity? raisedBy = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent)
        {
            case AppointmentChanged changed:
                yield return Event(TypeOf(changed.Change), changed.AppointmentId.Value, changed.OccurredAtUtc, AppointmentData(changed, raisedBy));
                if (changed.SchedulesReminders)
                {
                    foreach (var (leadTime, dueAtUtc) in ReminderSchedule.DueTimes(changed.StartUtc, changed.OccurredAtUtc, options.ReminderLeadTimes))
                    {
                        yield return Reminder(changed, leadTime, dueAtUtc);
                    }
                }

                break;
            case IntakeFormSubmitted submitted:
                var data = new IntakeFormEventData(submitted.IntakeFormId.Value, submitted.PatientId.Value, submitted.AppointmentId?.Value);

                yield return Event(WebhookEventTypes.IntakeSubmitted, submitted.IntakeFormId.Value, submitted.OccurredAtUtc, data);
                if (submitted.Level >= TriageLevel.Urgent)
                {
                    var alert = submitted.Level == TriageLevel.Emergency ? WebhookEventTypes.IntakeEmergency : WebhookEventTypes.IntakeUrgent;
                    yield return Event(alert, submitted.IntakeFormId.Value, submitted.OccurredAtUtc, data);
                    yield return ReviewDue(submitted, submitted.OccurredAtUtc + options.UrgentIntakeReviewWithin);
                }

                break;
            case IntakeReviewOverdue overdue:
                yield return Event(WebhookEventTypes.IntakeReviewOverdue, overdue.IntakeFormId.Value, overdue.OccurredAtUtc,
                    new IntakeReviewOverdueEventData(overdue.IntakeFormId.Value, overdue.PatientId.Value));
                break;
            case TreatmentPlanActivated activated:
                yield return Event(WebhookEventTypes.TreatmentPlanActivated, activated.TreatmentPlanId.Value, activated.OccurredAtUtc,
                    new TreatmentPlanEventData(activated.TreatmentPlanId.Value, activated.PatientId.Value, activated.ClinicianId.Value));
                break;
            case PatientInvited invited:
                yield return Event(WebhookEventTypes.PatientInvited, invited.InvitationId, invited.OccurredAtUtc, new PatientInvitedEventData(invited.InvitationId, invited.PatientId.Value));
                yield return new OutboxMessage
                {
                    Id = Guid.CreateVersion7(),
                    Kind = OutboxMessageKind.Reminder,
                    Type = PatientInvitationType,
                    PayloadJson = JsonSerializer.Serialize(new PatientInvitationPayload(invited.InvitationId), Json),
                    ResourceId = invited.InvitationId,
                    OccurredAtUtc = invited.OccurredAtUtc,
                    DueAtUtc = invited.OccurredAtUtc,
                    Status = OutboxMessageStatus.Pending,
                };
                break;
            case DiaryTimeFreed freed:
                yield return Due(WaitlistTimeFreedType, freed.ClinicianId.Value, freed.OccurredAtUtc, freed.OccurredAtUtc,
                    new DiaryTimeFreedPayload(freed.ClinicianId.Value, freed.FromUtc, freed.ToUtc));
                break;
            case WaitlistOfferMade offered:
                yield return Event(WebhookEventTypes.WaitlistOffered, offered.OfferId.Value, offered.OccurredAtUtc, new WaitlistOfferedEventData(
                    offered.OfferId.Value, offered.EntryId.Value, offered.PatientId.Value, offered.ClinicianId.Value, Utc(offered.StartUtc), Utc(offered.ExpiresAtUtc)));
                yield return Due(WaitlistOfferNoticeType, offered.OfferId.Value, offered.OccurredAtUtc, offered.OccurredAtUtc, new WaitlistOfferPayload(offered.OfferId.Value));
                yield return Due(WaitlistOfferExpiryType, offered.OfferId.Value, offered.OccurredAtUtc, offered.ExpiresAtUtc, new WaitlistOfferPayload(offered.OfferId.Value));
                break;
            case InvoiceIssued issued:
                yield return Event(WebhookEventTypes.InvoiceIssued, issued.Invoice.InvoiceId.Value, issued.OccurredAtUtc, InvoiceEventData.From(issued.Invoice));
                break;
            case InvoicePaid paid:
                yield return Event(WebhookEventTypes.InvoicePaid, paid.Invoice.InvoiceId.Value, paid.OccurredAtUtc, InvoiceEventData.From(paid.Invoice));
                break;
            case InvoiceCredited credited:
                yield return Event(
                    WebhookEventTypes.InvoiceCredited, credited.Invoice.InvoiceId.Value, credited.OccurredAtUtc, InvoiceEventData.From(credited.Invoice, credited.CreditNote));
                break;
            case PaymentReceived received:
                yield return Event(
                    WebhookEventTypes.PaymentReceived, received.Payment.PaymentId.Value, received.OccurredAtUtc, PaymentEventData.From(received.Payment));
                break;
            case PaymentRefunded refunded:
                yield return Event(
                    WebhookEventTypes.PaymentRefunded, refunded.Payment.PaymentId.Value, refunded.OccurredAtUtc, PaymentEventData.From(refunded.Payment, refunded.Refund));
                break;
            default:
                throw new InvalidOperationException($"No outbox mapping for {domainEvent.GetType().Name}.");
        }
    }

    /// <summary>The appointment as it is saved with the change (the booking channel is recorded after the booking event is raised).</summary>
    private static AppointmentEventData AppointmentData(AppointmentChanged changed, AuditableEntity? raisedBy) => raisedBy is Appointment appointment
        ? new AppointmentEventData(
            appointment.Id.Value, appointment.PatientId.Value, appointment.ClinicianId.Value, appointment.AppointmentTypeId.Value, appointment.LocationId?.Value,
            Utc(appointment.StartUtc), Utc(appointment.EndUtc), appointment.Status, appointment.Mode, appointment.Channel, appointment.CancellationReason)
        : throw new InvalidOperationException($"{nameof(AppointmentChanged)} for {changed.AppointmentId.Value} was not raised by its appointment.");

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);

    private static string TypeOf(AppointmentChange change) => change switch
    {
        AppointmentChange.Booked => WebhookEventTypes.AppointmentBooked,
        AppointmentChange.Rescheduled => WebhookEventTypes.AppointmentRescheduled,
        AppointmentChange.Cancelled => WebhookEventTypes.AppointmentCancelled,
        AppointmentChange.CheckedIn => WebhookEventTypes.AppointmentCheckedIn,
        AppointmentChange.Completed => WebhookEventTypes.AppointmentCompleted,
        AppointmentChange.NoShow => WebhookEventTypes.AppointmentNoShow,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown appointment change."),
    };

    private static OutboxMessage Event(string type, Guid resourceId, DateTime occurredAtUtc, object data)
    {
        var id = Guid.CreateVersion7();
        return new OutboxMessage
        {
            Id = id,
            Kind = OutboxMessageKind.Event,
            Type = type,
            PayloadJson = JsonSerializer.Serialize(new WebhookEventBody(id, type, new DateTimeOffset(occurredAtUtc, TimeSpan.Zero), data), Json),
            ResourceId = resourceId,
            OccurredAtUtc = occurredAtUtc,
            DueAtUtc = occurredAtUtc,
            Status = OutboxMessageStatus.Pending,
            TraceParent = CurrentTraceParent(),
        };
    }

    /// <summary>The current span's W3C id, when there is one to link back to.</summary>
    private static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { Length: <= OutboxMessage.TraceParentMaxLength } id } ? id : null;

    /// <summary>Work for the dispatcher, due at <paramref name="dueAtUtc"/> and never sent to subscribers.</summary>
    private static OutboxMessage Due<TPayload>(string type, Guid resourceId, DateTime occurredAtUtc, DateTime dueAtUtc, TPayload payload) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = OutboxMessageKind.Reminder,
        Type = type,
        PayloadJson = JsonSerializer.Serialize(payload, Json),
        ResourceId = resourceId,
        OccurredAtUtc = occurredAtUtc,
        DueAtUtc = dueAtUtc,
        Status = OutboxMessageStatus.Pending,
    };

    private static OutboxMessage ReviewDue(IntakeFormSubmitted submitted, DateTime dueAtUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = OutboxMessageKind.Reminder,
        Type = IntakeReviewDueType,
        PayloadJson = JsonSerializer.Serialize(new IntakeReviewDuePayload(submitted.IntakeFormId.Value), Json),
        ResourceId = submitted.IntakeFormId.Value,
        OccurredAtUtc = submitted.OccurredAtUtc,
        DueAtUtc = dueAtUtc,
        Status = OutboxMessageStatus.Pending,
    };

    private static OutboxMessage Reminder(AppointmentChanged changed, TimeSpan leadTime, DateTime dueAtUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = OutboxMessageKind.Reminder,
        Type = ReminderType,
        PayloadJson = JsonSerializer.Serialize(new ReminderPayload(changed.AppointmentId.Value, changed.StartUtc, leadTime), Json),
        ResourceId = changed.AppointmentId.Value,
        OccurredAtUtc = changed.OccurredAtUtc,
        DueAtUtc = dueAtUtc,
        Status = OutboxMessageStatus.Pending,
    };
}
