using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Treatment;

public readonly record struct TreatmentPlanId(Guid Value)
{
    public static TreatmentPlanId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public enum PlanStatus
{
    Draft,
    Active,
    Completed,
    Discontinued,
}

/// <summary>
/// A patient's treatment plan, from an assessment: goals, a review date and typed interventions. Interventions
/// are added and removed while the plan is open (draft or active); every one passes the safety rules or records
/// which it overrode and why.
/// </summary>
public sealed class TreatmentPlan : AuditableEntity
{
    public const int GoalsMaxLength = 2000;

    private readonly List<TreatmentIntervention> interventions = [];

    private TreatmentPlan()
    {
        Goals = null!;
    }

    public TreatmentPlanId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>A merge of two records of one person moves this to the surviving record (<see cref="Patients.PatientMerge"/>).</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    public AssessmentId AssessmentId { get; private set; }

    public ClinicianId AuthorId { get; private set; }

    public string Goals { get; private set; }

    public DateOnly ReviewDate { get; private set; }

    public PlanStatus Status { get; private set; }

    public DateTime? ActivatedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public string? DiscontinuedReason { get; private set; }

    /// <summary>When a clinician cleared the patient to run despite a stress-fracture diagnosis.</summary>
    public DateTime? StressFractureClearedAtUtc { get; private set; }

    public IReadOnlyList<TreatmentIntervention> Interventions => interventions;

    /// <summary>Changes with every edit; the ETag of the plan.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsOpen => Status is PlanStatus.Draft or PlanStatus.Active;

    public static TreatmentPlan Draft(PatientId patientId, AssessmentId assessmentId, ClinicianId authorId, string goals, DateOnly reviewDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goals);
        return new TreatmentPlan
        {
            Id = TreatmentPlanId.New(), PatientId = patientId, AssessmentId = assessmentId, AuthorId = authorId, Goals = goals.Trim(),
            ReviewDate = reviewDate, Status = PlanStatus.Draft,
        };
    }

    /// <summary>Adds an intervention. A broken safety rule refuses it (422) unless an override reason is given, which is recorded.</summary>
    public TreatmentIntervention AddIntervention(
        InterventionDetails details, TreatmentSafetyContext context, string? overrideReason, ClinicianId clinicianId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureOpen("changed");
        var broken = TreatmentSafety.RulesFor(details, context with { StressFractureCleared = StressFractureClearedAtUtc is not null })
            .Where(rule => rule.IsBroken()).ToList();
        var overriding = !string.IsNullOrWhiteSpace(overrideReason);
        if (broken.Count > 0 && !overriding)
        {
            throw new BusinessRuleViolationException(broken[0]);
        }

        var intervention = new TreatmentIntervention(Guid.CreateVersion7(), details, nowUtc, clinicianId,
            broken.Count > 0 ? overrideReason!.Trim() : null, [.. broken.Select(rule => rule.Code)]);
        interventions.Add(intervention);
        Version = Guid.NewGuid();
        return intervention;
    }

    public void RemoveIntervention(Guid interventionId)
    {
        EnsureOpen("changed");
        if (interventions.RemoveAll(i => i.Id == interventionId) == 0)
        {
            throw new KeyNotFoundException($"Intervention {interventionId} is not in this plan.");
        }

        Version = Guid.NewGuid();
    }

    public void Activate(DateTime nowUtc)
    {
        Require(PlanStatus.Draft, "activated");
        Status = PlanStatus.Active;
        ActivatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        Raise(new TreatmentPlanActivated(Id, PatientId, AuthorId, nowUtc));
    }

    public void Complete(DateTime nowUtc)
    {
        Require(PlanStatus.Active, "completed");
        Status = PlanStatus.Completed;
        ClosedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public void Discontinue(string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureOpen("discontinued");
        Status = PlanStatus.Discontinued;
        DiscontinuedReason = reason.Trim();
        ClosedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>A clinician clears the patient to run again after a stress fracture.</summary>
    public void ClearStressFractureForRunning(DateTime nowUtc)
    {
        EnsureOpen("changed");
        StressFractureClearedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    private void Require(PlanStatus status, string action)
    {
        if (Status != status)
        {
            throw new StateConflictException("treatment-plan.invalid-transition", $"A {Status} plan cannot be {action}.");
        }
    }

    private void EnsureOpen(string action)
    {
        if (!IsOpen)
        {
            throw new StateConflictException("treatment-plan.closed", $"A {Status} plan cannot be {action}.");
        }
    }
}

/// <summary>A treatment plan became active. Ids only: never its content.</summary>
/// <param name="TreatmentPlanId">The plan.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="ClinicianId">Its author.</param>
/// <param name="OccurredAtUtc">When it was activated.</param>
public sealed record TreatmentPlanActivated(TreatmentPlanId TreatmentPlanId, PatientId PatientId, ClinicianId ClinicianId, DateTime OccurredAtUtc) : IDomainEvent;
