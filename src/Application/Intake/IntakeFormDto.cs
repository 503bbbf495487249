using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Intake.Suggestions;

namespace ClinicHip.Application.Intake;

/// <summary>
/// An intake form. Everyone who may see it gets the summary (date, triage level, whether in-person is needed);
/// the clinical part (answers, red flags, suggested conditions) goes only to clinicians and to the patient.
/// </summary>
/// <param name="Id">The form id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="PatientName">The patient's full name.</param>
/// <param name="AppointmentId">The appointment it was filled in for, if any.</param>
/// <param name="Version">1, then one more for each correction.</param>
/// <param name="SupersedesId">The form this one corrects.</param>
/// <param name="Status">Submitted, Reviewed or Superseded.</param>
/// <param name="SubmittedAt">When it was submitted (UTC).</param>
/// <param name="SubmittedBy">Patient, FrontDesk or Clinician (on the patient's behalf).</param>
/// <param name="TriageLevel">Routine, Soon or Urgent.</param>
/// <param name="RequiresInPersonAssessment">Telehealth alone is not enough.</param>
/// <param name="Answers">The answers; clinicians and the patient only.</param>
/// <param name="RedFlags">Why it is urgent; clinicians and the patient only.</param>
/// <param name="SuggestedConditions">Conditions to consider, most relevant first; clinicians and the patient only.</param>
/// <param name="DecisionSupportNote">What the suggestions are, and are not.</param>
public sealed record IntakeFormDto(
    Guid Id, Guid PatientId, string PatientName, Guid? AppointmentId, int Version, Guid? SupersedesId, IntakeStatus Status, DateTimeOffset SubmittedAt,
    IntakeSubmitter SubmittedBy, TriageLevel TriageLevel, bool RequiresInPersonAssessment,
    HipIntakeAnswers? Answers, IReadOnlyList<RedFlag>? RedFlags, IReadOnlyList<ConditionSuggestion>? SuggestedConditions, string? DecisionSupportNote)
{
    public static IntakeFormDto From(IntakeForm form, string patientName, bool withClinicalContent)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Id.Value, form.PatientId.Value, patientName, form.AppointmentId?.Value, form.Version, form.SupersedesId?.Value, form.Status,
            new DateTimeOffset(form.SubmittedAtUtc), form.SubmittedBy, form.TriageLevel, form.RequiresInPersonAssessment,
            withClinicalContent ? form.Answers : null,
            withClinicalContent ? form.Triage.RedFlags : null,
            withClinicalContent ? form.Triage.SuggestedConditions : null,
            withClinicalContent ? TriageResult.Disclaimer : null);
    }
}
