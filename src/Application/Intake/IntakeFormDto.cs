using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Intake.Suggestions;

namespace ClinicHip.Application.Intake;

/// <summary>
/// An intake form. Everyone who may see it gets the summary (date, triage level, the patient's advice, whether in-person
/// is needed, how long it has waited); the clinical part (answers, red flags, suggested conditions) goes only to
/// clinicians and to the patient, and the reasons (which answers fired which rule) and the explanation to clinicians.
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
/// <param name="TriageLevel">Routine, Soon, Urgent or Emergency.</param>
/// <param name="RequiresInPersonAssessment">Telehealth alone is not enough.</param>
/// <param name="Answers">The answers; clinicians and the patient only.</param>
/// <param name="RedFlags">Why it is urgent; clinicians and the patient only.</param>
/// <param name="SuggestedConditions">Conditions to consider, most relevant first; clinicians and the patient only.</param>
/// <param name="DecisionSupportNote">What the suggestions are, and are not.</param>
/// <param name="Advice">What the patient was told to do, how soon, and when to seek emergency care; null on forms triaged before advice was given.</param>
/// <param name="Reasons">Which answers fired which rule; clinicians only, null on forms triaged before reasons were kept.</param>
/// <param name="Explanation">
/// How the level and the ranking of the suggestions were reached, what was not counted and why; clinicians only, null on
/// forms triaged before form version 3.
/// </param>
/// <param name="WaitingMinutes">How long a form awaiting review has waited; null once reviewed or superseded.</param>
public sealed record IntakeFormDto(
    Guid Id, Guid PatientId, string PatientName, Guid? AppointmentId, int Version, Guid? SupersedesId, IntakeStatus Status, DateTimeOffset SubmittedAt,
    IntakeSubmitter SubmittedBy, TriageLevel TriageLevel, bool RequiresInPersonAssessment,
    HipIntakeAnswers? Answers, IReadOnlyList<RedFlag>? RedFlags, IReadOnlyList<ConditionSuggestion>? SuggestedConditions, string? DecisionSupportNote,
    TriageAdvice? Advice, IReadOnlyList<TriageReason>? Reasons, TriageExplanation? Explanation, int? WaitingMinutes)
{
    public static IntakeFormDto From(IntakeForm form, string patientName, IntakeView view, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(form);
        var clinical = view != IntakeView.Summary;
        return new(form.Id.Value, form.PatientId.Value, patientName, form.AppointmentId?.Value, form.Version, form.SupersedesId?.Value, form.Status,
            new DateTimeOffset(form.SubmittedAtUtc), form.SubmittedBy, form.TriageLevel, form.RequiresInPersonAssessment,
            clinical ? form.Answers : null,
            clinical ? form.Triage.RedFlags : null,
            clinical ? form.Triage.SuggestedConditions : null,
            clinical ? TriageResult.Disclaimer : null,
            form.Triage.Advice,
            view == IntakeView.Clinician ? form.Triage.Reasons : null,
            view == IntakeView.Clinician ? form.Triage.Explanation : null,
            form.Status == IntakeStatus.Submitted ? (int)Math.Max(0, (nowUtc - form.SubmittedAtUtc).TotalMinutes) : null);
    }
}
