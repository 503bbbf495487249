using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;

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

    /// <summary>The patient exists and the caller may reach their records.</summary>
    public static async Task EnsurePatientRecordsAsync(this IApplicationDbContext db, ICurrentUser user, PatientId patientId, CancellationToken cancellationToken)
    {
        user.EnsureCanSeeRecordsOf(patientId);
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Patients, p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("Patient", patientId);
        }
    }

    /// <summary>Who changes a record, as its history names them.</summary>
    public static string RecordEditor(this ICurrentUser user) =>
        user.ActorName() ?? throw new ForbiddenAccessException("Sign in to change a patient record.");

    /// <summary>The record, tracked for a change, or 404.</summary>
    public static async Task<Patient> PatientForChangeAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(id);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(db.Patients, p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", id);
    }
}
