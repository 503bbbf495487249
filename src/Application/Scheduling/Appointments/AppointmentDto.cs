using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>An appointment, with the names a diary shows.</summary>
/// <param name="Id">The appointment id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="PatientName">The patient's full name.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="ClinicianName">The clinician's display name.</param>
/// <param name="AppointmentTypeId">The type.</param>
/// <param name="AppointmentTypeName">The type's name.</param>
/// <param name="Start">Start (UTC, ISO 8601).</param>
/// <param name="End">End (UTC, ISO 8601).</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="Status">Booked, CheckedIn, InProgress, Completed, Cancelled or NoShow.</param>
/// <param name="CancellationReason">Why it was cancelled.</param>
/// <param name="LateCancellation">Cancelled inside the clinic's late-cancellation window.</param>
/// <param name="LocationId">Where an in-person appointment happens; null for telehealth.</param>
/// <param name="SeriesId">The course of appointments it belongs to (GET /api/appointments/series/{id}); null for a single booking.</param>
/// <param name="UpdatedAt">When the appointment was last changed (or booked); a change feed's order.</param>
/// <param name="Channel">How the booking came in (Online, FrontDesk or Integration); null for appointments booked before it was recorded.</param>
public sealed record AppointmentDto(
    Guid Id, Guid PatientId, string PatientName, Guid ClinicianId, string ClinicianName, Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End, AppointmentMode Mode, AppointmentStatus Status, CancellationReason? CancellationReason, bool LateCancellation,
    Guid? LocationId = null, Guid? SeriesId = null, DateTimeOffset? UpdatedAt = null, BookingChannel? Channel = null);
