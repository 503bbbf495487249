using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

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

internal static class BookingSubjectLoader
{
    /// <summary>
    /// The opening every booking (single or series) shares: the patient acted for (a patient books for themself), a
    /// signed-in actor, and booking notes from staff only.
    /// </summary>
    public static BookingCaller BookingCaller(this ICurrentUser user, Guid? patientId, string? bookingNote, string requestHash)
    {
        var patient = new PatientId(user.PatientActedFor(patientId));
        var userId = user.ActorId() ?? throw new ForbiddenAccessException("Sign in to book.");
        if (user.IsPatient() && bookingNote is not null)
        {
            throw new ForbiddenAccessException("Booking notes are for staff.");
        }

        return new BookingCaller(patient, userId, requestHash);
    }

    /// <summary>Loads the booking's subject; an unknown patient, clinician or type answers 404, an archived patient 422.</summary>
    public static async Task<BookingSubject> BookingSubjectAsync(
        this IApplicationDbContext db, ICurrentUser user, TimeProvider clock, PatientId patientId, Guid clinicianId, Guid appointmentTypeId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        patient.EnsureBookable();
        var clinician = await db.ClinicianAsync(clinicianId, cancellationToken);
        var type = await db.AppointmentTypeAsync(appointmentTypeId, cancellationToken);
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var inPersonRequired = await db.IntakeForms.AsNoTracking()
            .Where(f => f.PatientId == patientId && f.Status != IntakeStatus.Superseded)
            .OrderByDescending(f => f.SubmittedAtUtc).Select(f => f.RequiresInPersonAssessment)
            .FirstOrDefaultAsync(cancellationToken);
        var emergencyAwaitingReview = user.IsPatient() && await db.IntakeForms.AsNoTracking()
            .AnyAsync(f => f.PatientId == patientId && f.Status == IntakeStatus.Submitted && f.TriageLevel == TriageLevel.Emergency, cancellationToken);
        var recentNoShows = user.IsPatient() && settings.OnlineBookingNoShowLimit is not null
            ? await db.PatientAttendanceAsync(patientId, clock.GetUtcNow().UtcDateTime, cancellationToken) : PatientAttendanceDto.None;
        var locations = await db.ClinicLocationsAsync(settings, cancellationToken);
        return new BookingSubject(patient, clinician, type, settings, inPersonRequired, emergencyAwaitingReview, locations, recentNoShows.NoShows);
    }

    /// <summary>How the caller's bookings come in.</summary>
    public static BookingChannel BookingChannel(this ICurrentUser user) =>
        user.IsPatient() ? Domain.Scheduling.BookingChannel.Online
        : user.IsIntegrationClient() ? Domain.Scheduling.BookingChannel.Integration
        : Domain.Scheduling.BookingChannel.FrontDesk;
}
