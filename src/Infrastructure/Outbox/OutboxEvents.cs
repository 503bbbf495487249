using System.Text.Json;
using ClinicHip.Application.Reminders;
using ClinicHip.Application.Webhooks;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Treatment;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>The body of a webhook: a thin event (ids only) that receivers de-duplicate by <c>id</c>.</summary>
/// <param name="Id">The event id, also sent as the <c>Webhook-Id</c> header.</param>
/// <param name="Type">The event type.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="Data">The ids of the resources it concerns.</param>
public sealed record WebhookEventBody(Guid Id, string Type, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, Guid> Data);

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

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<OutboxMessage> ToMessages(IDomainEvent domainEvent, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent)
        {
            case AppointmentChanged changed:
                yield return Event(TypeOf(changed.Change), changed.AppointmentId.Value, changed.OccurredAtUtc, new Dictionary<string, Guid>
                {
                    ["appointmentId"] = changed.AppointmentId.Value, ["patientId"] = changed.PatientId.Value, ["clinicianId"] = changed.ClinicianId.Value,
                });
                if (changed.SchedulesReminders)
                {
                    foreach (var (leadTime, dueAtUtc) in ReminderSchedule.DueTimes(changed.StartUtc, changed.OccurredAtUtc, options.ReminderLeadTimes))
                    {
                        yield return Reminder(changed, leadTime, dueAtUtc);
                    }
                }

                break;
            case IntakeFormSubmitted submitted:
                var data = new Dictionary<string, Guid> { ["intakeFormId"] = submitted.IntakeFormId.Value, ["patientId"] = submitted.PatientId.Value };
                if (submitted.AppointmentId is { } appointmentId)
                {
                    data["appointmentId"] = appointmentId.Value;
                }

                yield return Event(WebhookEventTypes.IntakeSubmitted, submitted.IntakeFormId.Value, submitted.OccurredAtUtc, data);
                if (submitted.Level >= TriageLevel.Urgent)
                {
                    var alert = submitted.Level == TriageLevel.Emergency ? WebhookEventTypes.IntakeEmergency : WebhookEventTypes.IntakeUrgent;
                    yield return Event(alert, submitted.IntakeFormId.Value, submitted.OccurredAtUtc, data);
                    yield return ReviewDue(submitted, submitted.OccurredAtUtc + options.UrgentIntakeReviewWithin);
                }

                break;
            case IntakeReviewOverdue overdue:
                yield return Event(WebhookEventTypes.IntakeReviewOverdue, overdue.IntakeFormId.Value, overdue.OccurredAtUtc, new Dictionary<string, Guid>
                {
                    ["intakeFormId"] = overdue.IntakeFormId.Value, ["patientId"] = overdue.PatientId.Value,
                });
                break;
            case TreatmentPlanActivated activated:
                yield return Event(WebhookEventTypes.TreatmentPlanActivated, activated.TreatmentPlanId.Value, activated.OccurredAtUtc, new Dictionary<string, Guid>
                {
                    ["treatmentPlanId"] = activated.TreatmentPlanId.Value, ["patientId"] = activated.PatientId.Value, ["clinicianId"] = activated.ClinicianId.Value,
                });
                break;
            case PatientInvited invited:
                yield return Event(WebhookEventTypes.PatientInvited, invited.InvitationId, invited.OccurredAtUtc, new Dictionary<string, Guid>
                {
                    ["invitationId"] = invited.InvitationId, ["patientId"] = invited.PatientId.Value,
                });
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
            default:
                throw new InvalidOperationException($"No outbox mapping for {domainEvent.GetType().Name}.");
        }
    }

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

    private static OutboxMessage Event(string type, Guid resourceId, DateTime occurredAtUtc, IReadOnlyDictionary<string, Guid> data)
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
        };
    }

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
