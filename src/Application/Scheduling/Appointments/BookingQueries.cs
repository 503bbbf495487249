using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>What every booking (single or series) reads: its subject (<see cref="BookingSubject"/>).</summary>
internal static class BookingQueries
{
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
}
