using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>
/// What every booking (single or series) reads: its subject (<see cref="BookingSubject"/>), and its Idempotency-Key's first
/// answer, saved with the booking, so a retry with the same key and body gets it again and books nothing new, and the same
/// key with another body is refused.
/// </summary>
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

    /// <summary>The request's fingerprint, without its key.</summary>
    public static string Hash<TRequest>(TRequest requestWithoutKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(requestWithoutKey))));

    /// <summary>The first answer to this key, null when the key is new; 422 when it was used with another request.</summary>
    public static async Task<TAnswer?> ReplayAsync<TAnswer>(
        this IApplicationDbContext db, Guid userId, string key, string requestHash, CancellationToken cancellationToken)
        where TAnswer : class
    {
        var first = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (first is null)
        {
            return null;
        }

        return first.RequestHash == requestHash
            ? JsonSerializer.Deserialize<TAnswer>(first.ResponseJson)
            : throw new UnprocessableRequestException("idempotency.key-reused", "This Idempotency-Key was used with a different request. Use a new key for a new booking.");
    }

    /// <summary>Adds the answer to be saved with the booking: a retry sees both or neither.</summary>
    public static void RememberAnswer<TAnswer>(this IApplicationDbContext db, Guid userId, string key, string requestHash, TAnswer answer, DateTime nowUtc) =>
        db.IdempotentRequests.Add(new IdempotentRequest
        {
            UserId = userId,
            Key = key,
            RequestHash = requestHash,
            ResponseJson = JsonSerializer.Serialize(answer),
            CreatedAtUtc = nowUtc,
        });
}
