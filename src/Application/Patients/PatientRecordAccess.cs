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

    /// <summary>Who changes a record, as its history names them.</summary>
    public static string RecordEditor(this ICurrentUser user) =>
        user.ActorName() ?? throw new ForbiddenAccessException("Sign in to change a patient record.");
}
