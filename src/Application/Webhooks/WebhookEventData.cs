using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Webhooks;

/// <summary>
/// An appointment as it stands after the change: enough to update a diary or a billing system without reading it back.
/// Ids, times and codes only: never names, notes or clinical content.
/// </summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="ClinicianId">Its clinician.</param>
/// <param name="AppointmentTypeId">Its type.</param>
/// <param name="LocationId">Where an in-person appointment happens; null for telehealth.</param>
/// <param name="Start">Its start (UTC).</param>
/// <param name="End">Its end (UTC).</param>
/// <param name="Status">Its status after the change.</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="Channel">How the booking came in; null for appointments booked before it was recorded.</param>
/// <param name="CancellationReason">The cancellation reason code; null unless cancelled.</param>
public sealed record AppointmentEventData(
    Guid AppointmentId, Guid PatientId, Guid ClinicianId, Guid AppointmentTypeId, Guid? LocationId, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, AppointmentMode Mode, BookingChannel? Channel, CancellationReason? CancellationReason);

/// <summary>An intake form (intake.submitted, intake.urgent, intake.emergency): the triage level is the event type, the answers stay in the API.</summary>
/// <param name="IntakeFormId">The form.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="AppointmentId">The appointment it was filled in for; null when none.</param>
public sealed record IntakeFormEventData(Guid IntakeFormId, Guid PatientId, Guid? AppointmentId);

/// <summary>An Urgent or Emergency form no clinician has reviewed in time.</summary>
/// <param name="IntakeFormId">The form.</param>
/// <param name="PatientId">Its patient.</param>
public sealed record IntakeReviewOverdueEventData(Guid IntakeFormId, Guid PatientId);

/// <summary>A treatment plan that became active.</summary>
/// <param name="TreatmentPlanId">The plan.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="ClinicianId">The clinician responsible for it.</param>
public sealed record TreatmentPlanEventData(Guid TreatmentPlanId, Guid PatientId, Guid ClinicianId);

/// <summary>Staff invited a patient to claim their record (the link's code goes to the patient alone).</summary>
/// <param name="InvitationId">The invitation.</param>
/// <param name="PatientId">The record it is for.</param>
public sealed record PatientInvitedEventData(Guid InvitationId, Guid PatientId);

/// <summary>A freed slot offered to a waitlisted patient and held for them until it expires.</summary>
/// <param name="WaitlistOfferId">The offer.</param>
/// <param name="WaitlistEntryId">The entry it was made to.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ClinicianId">The slot's clinician.</param>
/// <param name="Start">The slot's start (UTC).</param>
/// <param name="ExpiresAt">When the hold lapses unanswered (UTC).</param>
public sealed record WaitlistOfferedEventData(
    Guid WaitlistOfferId, Guid WaitlistEntryId, Guid PatientId, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset ExpiresAt);
