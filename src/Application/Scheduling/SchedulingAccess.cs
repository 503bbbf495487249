using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling;

/// <summary>
/// Who may see and change which appointments and diaries: the object-level rules, in one place. Role-level
/// rules (who may call an operation at all) are the API's policies.
/// </summary>
public static class SchedulingAccess
{
    /// <summary>A patient sees only their own appointments; staff see the clinic's. Others' answer 404, as if missing.</summary>
    public static void EnsureCanSee(this ICurrentUser user, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (!user.MayReach(appointment.PatientId))
        {
            throw new NotFoundException("Appointment", appointment.Id);
        }
    }

    /// <summary>Only the appointment's own clinician runs the consultation.</summary>
    public static void EnsureIsTheClinicianOf(this ICurrentUser user, Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (user.ClinicianId != appointment.ClinicianId.Value)
        {
            throw new ForbiddenAccessException("Only the appointment's clinician can do this.");
        }
    }

    /// <summary>An administrator manages every clinician's diary; a clinician manages their own.</summary>
    public static void EnsureCanManageDiaryOf(this ICurrentUser user, Guid clinicianId)
    {
        if (!user.IsInRole(Roles.Admin) && !(user.IsInRole(Roles.Clinician) && user.ClinicianId == clinicianId))
        {
            throw new ForbiddenAccessException("Only an administrator or the clinician themself can change this diary.");
        }
    }

    /// <summary>Narrows an appointment query to what the caller may list.</summary>
    public static IQueryable<Appointment> VisibleTo(this IQueryable<Appointment> appointments, ICurrentUser user, Guid? patientFilter, Guid? clinicianFilter)
    {
        var (patient, clinician) = DiaryScope(user, patientFilter);
        if (patient is { } ownRecord)
        {
            if (patientFilter is not null && patientFilter != ownRecord.Value)
            {
                throw new ForbiddenAccessException("Patients list only their own appointments.");
            }

            return appointments.Where(a => a.PatientId == ownRecord);
        }

        if (clinician is { } ownDiary)
        {
            if (clinicianFilter is not null && clinicianFilter != ownDiary.Value)
            {
                throw new ForbiddenAccessException("Clinicians list their own diary, or a patient's appointments.");
            }

            return appointments.Where(a => a.ClinicianId == ownDiary);
        }

        return appointments;
    }

    /// <summary>
    /// Whose appointments the caller sees: a patient only their own; a clinician their own diary, unless they ask for a
    /// patient's appointments; other staff all (both null).
    /// </summary>
    public static (Domain.Patients.PatientId? Patient, Domain.Staff.ClinicianId? Clinician) DiaryScope(ICurrentUser user, Guid? patientFilter = null) =>
        user.IsPatient() ? (new Domain.Patients.PatientId(user.PatientId ?? Guid.Empty), null)
        : user.IsInRole(Roles.Clinician) && patientFilter is null ? (null, new Domain.Staff.ClinicianId(user.ClinicianId ?? Guid.Empty))
        : (null, null);
}
