using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Intake;

namespace ClinicHip.Application.Intake;

/// <summary>How much of a form a reader sees.</summary>
public enum IntakeView
{
    /// <summary>Level, advice and status: the front desk and administrators.</summary>
    Summary,

    /// <summary>Also the answers, red flags and suggestions: the patient themself.</summary>
    Patient,

    /// <summary>Also the reasons (which answers fired which rule) and the explanation of the triage: clinicians.</summary>
    Clinician,
}

/// <summary>Who sees which intake forms, and how much of them: the minimum-necessary rules, in one place.</summary>
public static class IntakeAccess
{
    /// <summary>
    /// Clinicians read everything, the reasons included; the patient themself reads their answers, flags and advice; the
    /// front desk and administrators read the level and the advice only.
    /// </summary>
    public static IntakeView ViewOf(this ICurrentUser user, IntakeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return user.IsInRole(Roles.Clinician) ? IntakeView.Clinician
            : user.IsPatient() && user.PatientId == form.PatientId.Value ? IntakeView.Patient
            : IntakeView.Summary;
    }

    /// <summary>Who is filling in the form: the patient, or staff on their behalf.</summary>
    public static IntakeSubmitter Submitter(this ICurrentUser user) =>
        user.IsPatient() ? IntakeSubmitter.Patient
        : user.IsInRole(Roles.Clinician) ? IntakeSubmitter.Clinician
        : user.IsInRole(Roles.FrontDesk) ? IntakeSubmitter.FrontDesk
        : throw new ForbiddenAccessException("Only the patient, the front desk or a clinician fills in an intake form.");
}
