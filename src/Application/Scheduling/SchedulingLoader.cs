using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling;

/// <summary>Loads the scheduling entities the use cases share, answering 404 for what does not exist.</summary>
internal static class SchedulingLoader
{
    public static async Task<ClinicSettings> ClinicSettingsAsync(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        await db.ClinicSettings.SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default();

    public static async Task<Clinician> ClinicianAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var clinicianId = new ClinicianId(id);
        return await db.Clinicians.SingleOrDefaultAsync(c => c.Id == clinicianId, cancellationToken)
            ?? throw new NotFoundException("Clinician", id);
    }

    public static async Task<AppointmentType> AppointmentTypeAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var typeId = new AppointmentTypeId(id);
        return await db.AppointmentTypes.SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken)
            ?? throw new NotFoundException("Appointment type", id);
    }

    /// <summary>
    /// What a booking of the patient with the clinician at <paramref name="startUtc"/> is checked against, the same for every
    /// path that books (a new booking, a waitlist offer accepted): time off, the patient's latest intake and, for a patient
    /// booking themself, whether an Emergency form awaits review.
    /// </summary>
    public static async Task<BookingContext> BookingContextAsync(
        this IApplicationDbContext db, ClinicSettings settings, PatientId patientId, ClinicianId clinicianId, DateTime startUtc, DateTime nowUtc,
        bool byPatient, string? inPersonOverrideReason, CancellationToken cancellationToken)
    {
        var timeOff = await db.TimeOffAroundAsync(clinicianId, startUtc, cancellationToken);
        var inPersonRequired = await db.IntakeForms.AsNoTracking()
            .Where(f => f.PatientId == patientId && f.Status != IntakeStatus.Superseded)
            .OrderByDescending(f => f.SubmittedAtUtc).Select(f => f.RequiresInPersonAssessment)
            .FirstOrDefaultAsync(cancellationToken);
        var emergencyAwaitingReview = byPatient && await db.IntakeForms.AsNoTracking()
            .AnyAsync(f => f.PatientId == patientId && f.Status == IntakeStatus.Submitted && f.TriageLevel == TriageLevel.Emergency, cancellationToken);
        return new BookingContext(settings, timeOff, nowUtc, byPatient, inPersonRequired, inPersonOverrideReason)
        {
            EmergencyIntakeAwaitingReview = emergencyAwaitingReview,
        };
    }

    /// <summary>The clinician's time off that could touch an appointment starting at <paramref name="startUtc"/>.</summary>
    public static async Task<List<TimeOff>> TimeOffAroundAsync(this IApplicationDbContext db, ClinicianId clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var (from, to) = (startUtc.AddDays(-1), startUtc.AddDays(1));
        var earliestStart = from - TimeOff.LongestSpan;
        return await db.TimeOff.AsNoTracking().Where(t => t.ClinicianId == clinicianId && t.StartUtc > earliestStart && t.StartUtc < to && t.EndUtc > from)
            .ToListAsync(cancellationToken);
    }
}
