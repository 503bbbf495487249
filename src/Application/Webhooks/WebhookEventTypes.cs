namespace ClinicHip.Application.Webhooks;

/// <summary>
/// The events a webhook subscription can ask for. Each carries ids, never names or clinical content; the billing events
/// also carry the bookkeeping figures an accounting integration needs (<see cref="Bookkeeping"/>).
/// </summary>
public static class WebhookEventTypes
{
    public const string AppointmentBooked = "appointment.booked";
    public const string AppointmentCancelled = "appointment.cancelled";
    public const string AppointmentRescheduled = "appointment.rescheduled";
    public const string AppointmentCheckedIn = "appointment.checked_in";
    public const string AppointmentCompleted = "appointment.completed";
    public const string AppointmentNoShow = "appointment.no_show";
    public const string IntakeSubmitted = "intake.submitted";
    public const string IntakeUrgent = "intake.urgent";
    public const string IntakeEmergency = "intake.emergency";
    public const string IntakeReviewOverdue = "intake.review_overdue";
    public const string TreatmentPlanActivated = "treatment_plan.activated";
    public const string WaitlistOffered = "waitlist.offered";

    /// <summary>Staff invited a patient to claim their record (ids only: the link token goes to the patient alone).</summary>
    public const string PatientInvited = "patient.invited";

    public const string InvoiceIssued = "invoice.issued";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoiceCredited = "invoice.credited";
    public const string PaymentReceived = "payment.received";
    public const string PaymentRefunded = "payment.refunded";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        AppointmentBooked, AppointmentCancelled, AppointmentRescheduled, AppointmentCheckedIn, AppointmentCompleted, AppointmentNoShow,
        IntakeSubmitted, IntakeUrgent, IntakeEmergency, IntakeReviewOverdue, TreatmentPlanActivated, PatientInvited, WaitlistOffered,
        InvoiceIssued, InvoicePaid, InvoiceCredited, PaymentReceived, PaymentRefunded,
    };

    /// <summary>The events that also carry a <c>bookkeeping</c> member, and its shape.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Bookkeeping = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [InvoiceIssued] = typeof(Billing.InvoiceBookkeeping),
        [InvoicePaid] = typeof(Billing.InvoiceBookkeeping),
        [InvoiceCredited] = typeof(Billing.InvoiceBookkeeping),
        [PaymentReceived] = typeof(Billing.PaymentBookkeeping),
        [PaymentRefunded] = typeof(Billing.PaymentBookkeeping),
    };

    /// <summary>
    /// The ids each event's <c>data</c> carries, as the outbox writes them (a test holds the two together) and the
    /// contract's <c>webhooks</c> section documents them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, WebhookEventData> Data = new Dictionary<string, WebhookEventData>(StringComparer.Ordinal)
    {
        [AppointmentBooked] = WebhookEventData.Appointment,
        [AppointmentCancelled] = WebhookEventData.Appointment,
        [AppointmentRescheduled] = WebhookEventData.Appointment,
        [AppointmentCheckedIn] = WebhookEventData.Appointment,
        [AppointmentCompleted] = WebhookEventData.Appointment,
        [AppointmentNoShow] = WebhookEventData.Appointment,
        [IntakeSubmitted] = WebhookEventData.IntakeForm,
        [IntakeUrgent] = WebhookEventData.IntakeForm,
        [IntakeEmergency] = WebhookEventData.IntakeForm,
        [IntakeReviewOverdue] = new(["intakeFormId", "patientId"], []),
        [TreatmentPlanActivated] = new(["treatmentPlanId", "patientId", "clinicianId"], []),
        [PatientInvited] = new(["invitationId", "patientId"], []),
        [WaitlistOffered] = new(["waitlistOfferId", "waitlistEntryId", "patientId", "clinicianId"], []),
        [InvoiceIssued] = WebhookEventData.Invoice,
        [InvoicePaid] = WebhookEventData.Invoice,
        [InvoiceCredited] = WebhookEventData.Invoice,
        [PaymentReceived] = WebhookEventData.Payment,
        [PaymentRefunded] = WebhookEventData.Payment,
    };
}

/// <summary>The ids in an event's <c>data</c>: always there, and there only when they apply.</summary>
public sealed record WebhookEventData(IReadOnlyList<string> Always, IReadOnlyList<string> WhenTheyApply)
{
    public static readonly WebhookEventData Appointment = new(["appointmentId", "patientId", "clinicianId"], []);

    /// <summary>An intake form, and the appointment it was filled in for, if any.</summary>
    public static readonly WebhookEventData IntakeForm = new(["intakeFormId", "patientId"], ["appointmentId"]);

    /// <summary>An invoice, its patient, and the payer and clinician when there is one.</summary>
    public static readonly WebhookEventData Invoice = new(["invoiceId", "patientId"], ["payerId", "clinicianId", "appointmentId"]);

    /// <summary>A payment, its patient, and the payer when there is one.</summary>
    public static readonly WebhookEventData Payment = new(["paymentId", "patientId"], ["payerId"]);
}
