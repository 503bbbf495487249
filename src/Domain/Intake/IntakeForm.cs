using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Intake;

public readonly record struct IntakeFormId(Guid Value)
{
    public static IntakeFormId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Submitted: awaiting a clinician; Reviewed: a clinician has read it; Superseded: corrected by a newer version.</summary>
public enum IntakeStatus
{
    Submitted,
    Reviewed,
    Superseded,
}

/// <summary>Who filled the form in.</summary>
public enum IntakeSubmitter
{
    Patient,
    FrontDesk,
    Clinician,
}

/// <summary>
/// A patient's hip-pain intake form with its triage. Submitted forms never change: a correction is a new version
/// that supersedes this one, and the triage is computed once, from the answers, when it is submitted.
/// </summary>
public sealed class IntakeForm : AuditableEntity
{
    private IntakeForm()
    {
        Answers = null!;
        Triage = null!;
    }

    public IntakeFormId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>A merge of two records of one person moves this to the surviving record (<see cref="Patients.PatientMerge"/>).</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    public AppointmentId? AppointmentId { get; private set; }

    /// <summary>1 for the first form of a series, one more for each correction.</summary>
    public int Version { get; private set; }

    public IntakeFormId? SupersedesId { get; private set; }

    public IntakeStatus Status { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public Guid SubmittedByUserId { get; private set; }

    public IntakeSubmitter SubmittedBy { get; private set; }

    public HipIntakeAnswers Answers { get; private set; }

    public TriageResult Triage { get; private set; }

    /// <summary>Stored apart from <see cref="Triage"/> so the front-desk work list can sort and filter on it.</summary>
    public TriageLevel TriageLevel { get; private set; }

    public bool RequiresInPersonAssessment { get; private set; }

    public ClinicianId? ReviewedByClinicianId { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    public static IntakeForm Submit(
        PatientId patientId, HipIntakeAnswers answers, TriageContext triageContext, AppointmentId? appointmentId, Guid submittedByUserId,
        IntakeSubmitter submittedBy, DateTime nowUtc) =>
        Create(patientId, answers, triageContext, appointmentId, submittedByUserId, submittedBy, nowUtc, version: 1, supersedes: null);

    /// <summary>A new version with corrected answers; this one becomes <see cref="IntakeStatus.Superseded"/>.</summary>
    public IntakeForm Correct(HipIntakeAnswers answers, TriageContext triageContext, Guid submittedByUserId, IntakeSubmitter submittedBy, DateTime nowUtc)
    {
        if (Status == IntakeStatus.Superseded)
        {
            throw new StateConflictException("intake.already-superseded", "This form was already corrected; correct its latest version.");
        }

        Status = IntakeStatus.Superseded;
        return Create(PatientId, answers, triageContext, AppointmentId, submittedByUserId, submittedBy, nowUtc, Version + 1, Id);
    }

    public void MarkReviewed(ClinicianId clinicianId, DateTime nowUtc)
    {
        if (Status != IntakeStatus.Submitted)
        {
            throw new StateConflictException("intake.not-awaiting-review", $"A {Status} form cannot be marked as reviewed.");
        }

        Status = IntakeStatus.Reviewed;
        ReviewedByClinicianId = clinicianId;
        ReviewedAtUtc = nowUtc;
    }

    /// <summary>An Urgent or Emergency form no clinician has reviewed or superseded yet.</summary>
    public bool AwaitsUrgentReview => Status == IntakeStatus.Submitted && TriageLevel >= TriageLevel.Urgent;

    /// <summary>Its review fell due while it still awaits one: raises <see cref="IntakeReviewOverdue"/>.</summary>
    public void EscalateOverdueReview(DateTime nowUtc)
    {
        if (!AwaitsUrgentReview)
        {
            throw new StateConflictException("intake.not-awaiting-review", $"A {Status} {TriageLevel} form has no review to escalate.");
        }

        Raise(new IntakeReviewOverdue(Id, PatientId, TriageLevel, SubmittedAtUtc, nowUtc));
    }

    private static IntakeForm Create(
        PatientId patientId, HipIntakeAnswers answers, TriageContext triageContext, AppointmentId? appointmentId, Guid submittedByUserId,
        IntakeSubmitter submittedBy, DateTime nowUtc, int version, IntakeFormId? supersedes)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers = answers with { FormVersion = HipIntakeAnswers.CurrentFormVersion };
        var triage = HipTriage.Assess(answers, triageContext);
        var form = new IntakeForm
        {
            Id = IntakeFormId.New(),
            PatientId = patientId,
            AppointmentId = appointmentId,
            Version = version,
            SupersedesId = supersedes,
            Status = IntakeStatus.Submitted,
            SubmittedAtUtc = nowUtc,
            SubmittedByUserId = submittedByUserId,
            SubmittedBy = submittedBy,
            Answers = answers,
            Triage = triage,
            TriageLevel = triage.Level,
            RequiresInPersonAssessment = triage.RequiresInPersonAssessment,
        };
        form.Raise(new IntakeFormSubmitted(form.Id, patientId, appointmentId, nowUtc, triage.Level));
        return form;
    }
}

/// <summary>A patient's intake form (or a correction of one) was submitted. Ids and the level only: never the answers or the reasons.</summary>
/// <param name="IntakeFormId">The new form.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="AppointmentId">The appointment it was filled in for, if any.</param>
/// <param name="OccurredAtUtc">When it was submitted.</param>
/// <param name="Level">Its triage level: Urgent and Emergency forms alert staff and fall due for review.</param>
public sealed record IntakeFormSubmitted(IntakeFormId IntakeFormId, PatientId PatientId, AppointmentId? AppointmentId, DateTime OccurredAtUtc, TriageLevel Level)
    : IDomainEvent;

/// <summary>An Urgent or Emergency form was not reviewed in time.</summary>
/// <param name="IntakeFormId">The form.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="Level">Urgent or Emergency.</param>
/// <param name="SubmittedAtUtc">When it was submitted.</param>
/// <param name="OccurredAtUtc">When the review fell overdue.</param>
public sealed record IntakeReviewOverdue(IntakeFormId IntakeFormId, PatientId PatientId, TriageLevel Level, DateTime SubmittedAtUtc, DateTime OccurredAtUtc)
    : IDomainEvent;
