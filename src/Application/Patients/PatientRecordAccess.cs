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
}
