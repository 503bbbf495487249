using ClinicHip.Domain.Common;
using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Assessments;

public readonly record struct AssessmentId(Guid Value)
{
    public static AssessmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Text added to a signed assessment: the only way a signed record grows.</summary>
public sealed record Addendum(string Text, ClinicianId AuthorId, DateTime AddedAtUtc)
{
    public const int TextMaxLength = 4000;
}

/// <summary>
/// A clinician's assessment of a patient at an appointment. Its author edits it while it is a draft; once signed it is
/// never edited, only added to with addenda.
/// </summary>
public sealed class Assessment : AuditableEntity
{
    private readonly List<Addendum> addenda = [];

    private Assessment()
    {
        Content = null!;
    }

    public AssessmentId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>A merge of two records of one person moves this to the surviving record (<see cref="Patients.PatientMerge"/>).</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    public AppointmentId AppointmentId { get; private set; }

    public ClinicianId AuthorId { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public AssessmentContent Content { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }

    public IReadOnlyList<Addendum> Addenda => addenda;

    /// <summary>Changes with every edit; the ETag of the assessment.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<ClinicalWarning> Warnings => ClinicalConsistency.WarningsFor(Content);

    public static Assessment Start(PatientId patientId, AppointmentId appointmentId, ClinicianId authorId, AssessmentContent content)
    {
        var assessment = new Assessment { Id = AssessmentId.New(), PatientId = patientId, AppointmentId = appointmentId, AuthorId = authorId, Status = AssessmentStatus.Draft };
        assessment.Revise(content);
        return assessment;
    }

    public void Revise(AssessmentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureDraft("edited");
        CheckRule(new DiagnosesNeedExactlyOnePrimaryRule(content.Diagnoses));
        CheckRule(new MorphologyOnlyForImpingementRule(content.Diagnoses));
        Content = content;
        Version = Guid.NewGuid();
    }

    public void Sign(DateTime nowUtc)
    {
        EnsureDraft("signed again");
        Status = AssessmentStatus.Signed;
        SignedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public void AddAddendum(string text, ClinicianId authorId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (Status != AssessmentStatus.Signed)
        {
            throw new StateConflictException("assessment.not-signed", "A draft is edited directly; addenda are for signed assessments.");
        }

        addenda.Add(new Addendum(text.Trim(), authorId, nowUtc));
        Version = Guid.NewGuid();
    }

    private void EnsureDraft(string action)
    {
        if (Status != AssessmentStatus.Draft)
        {
            throw new StateConflictException("assessment.signed", $"A signed assessment cannot be {action}: add an addendum instead.");
        }
    }
}

/// <summary>With any diagnosis recorded, exactly one is primary.</summary>
public sealed class DiagnosesNeedExactlyOnePrimaryRule(IReadOnlyList<Diagnosis> diagnoses) : IBusinessRule
{
    public string Code => "assessment.one-primary-diagnosis";

    public string Message => "Mark exactly one diagnosis as primary.";

    public bool IsBroken() => diagnoses.Count > 0 && diagnoses.Count(d => d.IsPrimary) != 1;
}

/// <summary>Cam, pincer or mixed describe femoroacetabular impingement only.</summary>
public sealed class MorphologyOnlyForImpingementRule(IReadOnlyList<Diagnosis> diagnoses) : IBusinessRule
{
    public string Code => "assessment.morphology-for-fai-only";

    public string Message => "Cam, pincer or mixed morphology applies to femoroacetabular impingement only.";

    public bool IsBroken() => diagnoses.Any(d => d.Morphology is not null && d.Condition != HipCondition.FemoroacetabularImpingement);
}
