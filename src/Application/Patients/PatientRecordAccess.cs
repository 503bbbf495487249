using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>The rule every patient-record read and write starts from.</summary>
public static class PatientRecordAccess
{
    /// <summary>A patient reaches only their own records; another patient's answer 404, as if missing.</summary>
    public static void EnsureCanSeeRecordsOf(this ICurrentUser user, PatientId patientId)
    {
        if (!user.MayReach(patientId))
        {
            throw new NotFoundException("Patient", patientId);
        }
    }

    /// <summary>The patient exists, was not merged into another record, and the caller may reach their records.</summary>
    public static async Task EnsurePatientRecordsAsync(this IApplicationDbContext db, ICurrentUser user, PatientId patientId, CancellationToken cancellationToken)
    {
        user.EnsureCanSeeRecordsOf(patientId);
        var found = await db.Patients.Where(p => p.Id == patientId).Select(p => new { p.MergedIntoId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        if (found.MergedIntoId is { } survivor)
        {
            throw new PatientMergedException(patientId.Value, survivor.Value);
        }
    }

    /// <summary>A merged record answers where it went (<see cref="PatientMergedException"/>) instead of its details.</summary>
    public static Patient EnsureNotMerged(this Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.MergedIntoId is { } survivor ? throw new PatientMergedException(patient.Id.Value, survivor.Value) : patient;
    }

    /// <summary>Who changes a record, as its history names them.</summary>
    public static string RecordEditor(this ICurrentUser user) =>
        user.ActorName() ?? throw new ForbiddenAccessException("Sign in to change a patient record.");

    /// <summary>The record, tracked for a change; 404 when missing, or merged into another (with the survivor's id).</summary>
    public static async Task<Patient> PatientForChangeAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(id);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken) ?? throw new NotFoundException("Patient", id);
        return patient.EnsureNotMerged();
    }
}
