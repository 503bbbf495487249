using ClinicHip.Application.Locations;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>
/// Who is booked with whom for what, and what the patient's record says about booking them: the inputs every booking
/// (single, or each occurrence of a series) is checked against, loaded in one place so both go through the same rules.
/// </summary>
/// <param name="Patient">The patient (read only).</param>
/// <param name="Clinician">The clinician.</param>
/// <param name="Type">The appointment type.</param>
/// <param name="Settings">The clinic's diary rules.</param>
/// <param name="InPersonAssessmentRequired">The patient's latest intake form needs an in-person assessment.</param>
/// <param name="EmergencyIntakeAwaitingReview">The patient, booking online, has an Emergency form no clinician has reviewed.</param>
/// <param name="Locations">The clinic's locations, for where an in-person appointment happens.</param>
/// <param name="RecentNoShows">The patient's no-shows in the last 12 months, counted only when the clinic pauses online booking after some.</param>
internal sealed record BookingSubject(
    Patient Patient, Clinician Clinician, AppointmentType Type, ClinicSettings Settings, bool InPersonAssessmentRequired, bool EmergencyIntakeAwaitingReview,
    ClinicLocations Locations, int RecentNoShows)
{
    /// <summary>The booking rules' inputs, with the clinician's time off around the times to be booked.</summary>
    public BookingContext Context(IReadOnlyList<TimeOff> timeOff, DateTime nowUtc, bool byPatient, string? inPersonOverrideReason, Guid? requestedLocationId) =>
        new(Settings, timeOff, nowUtc, byPatient, InPersonAssessmentRequired, inPersonOverrideReason)
        {
            EmergencyIntakeAwaitingReview = EmergencyIntakeAwaitingReview,
            Locations = Locations,
            RequestedLocationId = Locations.Named(requestedLocationId),
            RecentNoShows = RecentNoShows,
        };
}

/// <summary>The caller's side of a booking: for whom, by whom, and the hash its Idempotency-Key answer is kept under.</summary>
/// <param name="PatientId">The patient booked: the caller if a patient, else the one named.</param>
/// <param name="UserId">Who books, for the idempotency key's owner.</param>
/// <param name="RequestHash">The request without its key, so a retry with another body is told apart.</param>
internal sealed record BookingCaller(PatientId PatientId, Guid UserId, string RequestHash);
