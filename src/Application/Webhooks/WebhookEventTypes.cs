namespace ClinicHip.Application.Webhooks;

/// <summary>The events a webhook subscription can ask for. Each carries ids only, never names or clinical content.</summary>
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

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        AppointmentBooked, AppointmentCancelled, AppointmentRescheduled, AppointmentCheckedIn, AppointmentCompleted, AppointmentNoShow,
        IntakeSubmitted, IntakeUrgent, IntakeEmergency, IntakeReviewOverdue, TreatmentPlanActivated, WaitlistOffered,
    };
}
