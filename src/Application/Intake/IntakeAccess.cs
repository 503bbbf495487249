using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Intake;

namespace ClinicHip.Application.Intake;

/// <summary>Who sees which intake forms, and how much of them: the minimum-necessary rules, in one place.</summary>
public static class IntakeAccess
{
    /// <summary>Clinicians, and the patient themself, read the clinical content; the front desk and administrators do not.</summary>
    public static bool MayReadClinicalContent(this ICurrentUser user, IntakeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return user.IsInRole(Roles.Clinician) || (user.IsPatient() && user.PatientId == form.PatientId.Value);
    }

    /// <summary>Who is filling in the form: the patient, or staff on their behalf.</summary>
    public static IntakeSubmitter Submitter(this ICurrentUser user) =>
        user.IsPatient() ? IntakeSubmitter.Patient
        : user.IsInRole(Roles.Clinician) ? IntakeSubmitter.Clinician
        : user.IsInRole(Roles.FrontDesk) ? IntakeSubmitter.FrontDesk
        : throw new ForbiddenAccessException("Only the patient, the front desk or a clinician fills in an intake form.");
}
