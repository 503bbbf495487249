using ClinicHip.Application.Billing;

namespace ClinicHip.Application.Webhooks;

/// <summary>
/// The events a webhook subscription can ask for. Each carries ids, times and codes, enough to act on without reading the
/// resource back, and never names, free text or clinical content; the billing events also carry the figures a bookkeeping
/// integration needs (amounts, numbers, dates, payer, items).
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

    /// <summary>
    /// The type of each event's <c>data</c>, as the outbox writes it and the contract's <c>webhooks</c> section documents it
    /// (its schema is generated from the type, so the two cannot drift).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Type> Data = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [AppointmentBooked] = typeof(AppointmentEventData),
        [AppointmentCancelled] = typeof(AppointmentEventData),
        [AppointmentRescheduled] = typeof(AppointmentEventData),
        [AppointmentCheckedIn] = typeof(AppointmentEventData),
        [AppointmentCompleted] = typeof(AppointmentEventData),
        [AppointmentNoShow] = typeof(AppointmentEventData),
        [IntakeSubmitted] = typeof(IntakeFormEventData),
        [IntakeUrgent] = typeof(IntakeFormEventData),
        [IntakeEmergency] = typeof(IntakeFormEventData),
        [IntakeReviewOverdue] = typeof(IntakeReviewOverdueEventData),
        [TreatmentPlanActivated] = typeof(TreatmentPlanEventData),
        [PatientInvited] = typeof(PatientInvitedEventData),
        [WaitlistOffered] = typeof(WaitlistOfferedEventData),
        [InvoiceIssued] = typeof(InvoiceEventData),
        [InvoicePaid] = typeof(InvoiceEventData),
        [InvoiceCredited] = typeof(InvoiceEventData),
        [PaymentReceived] = typeof(PaymentEventData),
        [PaymentRefunded] = typeof(PaymentEventData),
    };
}
