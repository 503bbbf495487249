using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Treatment;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.Treatment;

/// <summary>Loading, access and safety context for plans: one place for the use cases below.</summary>
public static class TreatmentPlans
{
    /// <summary>A patient reads their own plans once they are active or closed; a draft or another's answers 404.</summary>
    public static async Task<TreatmentPlan> LoadAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var planId = new TreatmentPlanId(id);
        var plan = await db.TreatmentPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is not null && MaySee(user, plan) ? plan : throw new NotFoundException("Treatment plan", id);
    }

    public static bool MaySee(ICurrentUser user, TreatmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return user.MayReach(plan.PatientId) && (!user.IsPatient() || plan.Status != PlanStatus.Draft);
    }

    public static async Task<IReadOnlyList<Diagnosis>> DiagnosesAsync(this IApplicationDbContext db, AssessmentId assessmentId, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.Content).SingleAsync(cancellationToken) is { } content
            ? content.Diagnoses : [];

    public static async Task<TreatmentPlanDto> DtoAsync(this IApplicationDbContext db, TreatmentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var diagnoses = await db.DiagnosesAsync(plan.AssessmentId, cancellationToken);
        var warnings = plan.Interventions.Select(i => TreatmentSafety.HyaluronicAcidWarning(i.Details, diagnoses)).OfType<string>().Distinct().ToList();
        return new TreatmentPlanDto(plan.Id.Value, plan.PatientId.Value, plan.AssessmentId.Value, plan.AuthorId.Value, plan.Goals, plan.ReviewDate, plan.Status,
            plan.DiscontinuedReason, plan.StressFractureClearedAtUtc is { } cleared ? new DateTimeOffset(cleared) : null,
            [.. plan.Interventions.Select(InterventionDto.From)], warnings, plan.Version);
    }
}

/// <summary>A clinician drafts a plan for a patient, following one of their assessments.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="AssessmentId">The patient's assessment it follows.</param>
/// <param name="Goals">Goals, up to 2000 characters.</param>
/// <param name="ReviewDate">When to review the plan.</param>
public sealed record DraftTreatmentPlanCommand(Guid PatientId, Guid AssessmentId, string Goals, DateOnly ReviewDate) : IRequest<TreatmentPlanDto>;

public sealed class DraftTreatmentPlanValidator : AbstractValidator<DraftTreatmentPlanCommand>
{
    public DraftTreatmentPlanValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(c => c.Goals).NotEmpty().MaximumLength(TreatmentPlan.GoalsMaxLength);
        RuleFor(c => c.ReviewDate).Must(d => d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1)).WithMessage("The review date is in the future.");
    }
}

public sealed class DraftTreatmentPlanHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<DraftTreatmentPlanCommand, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(DraftTreatmentPlanCommand request, CancellationToken cancellationToken)
    {
        var (patientId, assessmentId) = (new PatientId(request.PatientId), new AssessmentId(request.AssessmentId));
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken))
        {
            throw new NotFoundException("Assessment", request.AssessmentId);
        }

        var plan = TreatmentPlan.Draft(patientId, assessmentId, user.RequireClinician(), request.Goals, request.ReviewDate);
        db.TreatmentPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(plan, cancellationToken);
    }
}

/// <summary>
/// Adds an intervention: set <paramref name="Kind"/> and the member of that kind. A broken safety rule answers 422 naming
/// it, unless <paramref name="OverrideReason"/> is given: then the override is recorded with the intervention.
/// </summary>
/// <param name="Kind">Which kind of intervention.</param>
/// <param name="Rest">For Rest.</param>
/// <param name="IceOrHeat">For IceOrHeat.</param>
/// <param name="Medication">For Medication.</param>
/// <param name="Physiotherapy">For Physiotherapy.</param>
/// <param name="Injection">For Injection.</param>
/// <param name="SurgicalReferral">For SurgicalReferral.</param>
/// <param name="ReturnToRun">For ReturnToRun.</param>
/// <param name="OverrideReason">Why a safety rule may be set aside (recorded and logged).</param>
public sealed record AddInterventionCommand(
    InterventionKind Kind, RestDetails? Rest = null, IceOrHeatDetails? IceOrHeat = null, MedicationDetails? Medication = null, PhysiotherapyDetails? Physiotherapy = null,
    InjectionDetails? Injection = null, SurgicalReferralDetails? SurgicalReferral = null, ReturnToRunDetails? ReturnToRun = null, string? OverrideReason = null)
    : IRequest<TreatmentPlanDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid PlanId { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public InterventionDetails? Details => Kind switch
    {
        InterventionKind.Rest => Rest,
        InterventionKind.IceOrHeat => IceOrHeat,
        InterventionKind.Medication => Medication,
        InterventionKind.Physiotherapy => Physiotherapy,
        InterventionKind.Injection => Injection,
        InterventionKind.SurgicalReferral => SurgicalReferral,
        InterventionKind.ReturnToRun => ReturnToRun,
        _ => null,
    };
}

public sealed class AddInterventionValidator : AbstractValidator<AddInterventionCommand>
{
    public AddInterventionValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Details).NotNull().WithName("details").WithMessage("Give the details of the kind of intervention named in 'kind'.");
        RuleFor(c => c.OverrideReason).MaximumLength(TreatmentIntervention.OverrideReasonMaxLength);
        RuleFor(c => c.Rest!.Days).InclusiveBetween(1, 365).When(c => c.Rest is not null);
        RuleFor(c => c.Rest!.CrossTraining).NotNull().Must(c => c.Count <= 10).When(c => c.Rest is not null);
        RuleFor(c => c.IceOrHeat!.MinutesPerSession).InclusiveBetween(1, 120).When(c => c.IceOrHeat is not null);
        RuleFor(c => c.IceOrHeat!.SessionsPerDay).InclusiveBetween(1, 12).When(c => c.IceOrHeat is not null);
        RuleFor(c => c.Medication!.Dose).NotEmpty().MaximumLength(100).When(c => c.Medication is not null);
        RuleFor(c => c.Medication!.Frequency).NotEmpty().MaximumLength(100).When(c => c.Medication is not null);
        RuleFor(c => c.Medication!.Days).InclusiveBetween(1, 365).When(c => c.Medication is not null);
        RuleFor(c => c.Medication!.OtherDrugName).MaximumLength(100).When(c => c.Medication is not null);
        RuleFor(c => c.Physiotherapy!.SessionsPerWeek).InclusiveBetween(1, 14).When(c => c.Physiotherapy is not null);
        RuleFor(c => c.Physiotherapy!.Weeks).InclusiveBetween(1, 52).When(c => c.Physiotherapy is not null);
        RuleFor(c => c.Physiotherapy!.Exercises).Must(e => e is { Count: <= 30 } && e.All(x => x.Sets is > 0 and <= 20 && x.Reps is > 0 and <= 200 && x.HoldSeconds is null or > 0 and <= 600))
            .WithMessage("Up to 30 exercises, each 1–20 sets of 1–200 reps, holds up to 600 s.").When(c => c.Physiotherapy is not null);
        RuleFor(c => c.Physiotherapy!.FootwearAdvice).MaximumLength(500).When(c => c.Physiotherapy is not null);
        RuleFor(c => c.Physiotherapy!.TargetCadence).InclusiveBetween(100, 240).When(c => c.Physiotherapy is not null);
        RuleFor(c => c.SurgicalReferral!.Reason).NotEmpty().MaximumLength(1000).When(c => c.SurgicalReferral is not null);
        RuleFor(c => c.ReturnToRun!.StartWeeklyKm).InclusiveBetween(1, 200).When(c => c.ReturnToRun is not null);
        RuleFor(c => c.ReturnToRun!.TargetWeeklyKm).InclusiveBetween(1, 200).GreaterThanOrEqualTo(c => c.ReturnToRun!.StartWeeklyKm).When(c => c.ReturnToRun is not null);
    }
}

public sealed partial class AddInterventionHandler(
    IApplicationDbContext db, ICurrentUser user, TimeProvider clock, TreatmentSafetyLimits limits, ILogger<AddInterventionHandler> logger)
    : IRequestHandler<AddInterventionCommand, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(AddInterventionCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.LoadAsync(user, request.PlanId, cancellationToken);
        if (request.ExpectedVersion is { } expected && expected != plan.Version)
        {
            throw new PreconditionFailedException("treatment plan");
        }

        var clinicianId = user.RequireClinician();
        var now = clock.GetUtcNow().UtcDateTime;

        var patientPlans = await db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == plan.PatientId).ToListAsync(cancellationToken);
        var priorSteroids = patientPlans.SelectMany(p => p.Interventions).Select(i => i.Details).OfType<InjectionDetails>()
            .Where(i => i.Agent == InjectionAgent.Corticosteroid).Select(i => new PriorInjection(i.Site, i.Side, i.Date)).ToList();
        var conservativeSince = patientPlans.Where(p => p.ActivatedAtUtc is not null).Select(p => (DateTime?)p.ActivatedAtUtc).Min();
        var context = new TreatmentSafetyContext(await db.DiagnosesAsync(plan.AssessmentId, cancellationToken), priorSteroids,
            conservativeSince is { } since ? DateOnly.FromDateTime(since) : null, false, DateOnly.FromDateTime(now), limits);

        var intervention = plan.AddIntervention(request.Details!, context, request.OverrideReason, clinicianId, now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var rule in intervention.OverriddenRules)
        {
            LogOverride(logger, rule, clinicianId.Value, plan.Id.Value, intervention.Id);
        }

        return await db.DtoAsync(plan, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safety rule {Rule} overridden by clinician {ClinicianId} on treatment plan {PlanId}, intervention {InterventionId}")]
    private static partial void LogOverride(ILogger logger, string rule, Guid clinicianId, Guid planId, Guid interventionId);
}

public sealed record RemoveInterventionCommand(Guid PlanId, Guid InterventionId) : IRequest<TreatmentPlanDto>;

public sealed class RemoveInterventionHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<RemoveInterventionCommand, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(RemoveInterventionCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.LoadAsync(user, request.PlanId, cancellationToken);
        if (plan.Interventions.All(i => i.Id != request.InterventionId))
        {
            throw new NotFoundException("Intervention", request.InterventionId);
        }

        plan.RemoveIntervention(request.InterventionId);
        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(plan, cancellationToken);
    }
}

public enum PlanStep
{
    Activate,
    Complete,
    Discontinue,
    ClearStressFractureForRunning,
}

/// <summary>Moves a plan on: activate, complete, discontinue (with a reason), or record stress-fracture clearance.</summary>
public sealed record ChangeTreatmentPlanCommand(Guid PlanId, PlanStep Step, string? Reason = null) : IRequest<TreatmentPlanDto>;

public sealed class ChangeTreatmentPlanValidator : AbstractValidator<ChangeTreatmentPlanCommand>
{
    public const int ReasonMaxLength = 500;

    public ChangeTreatmentPlanValidator()
    {
        RuleFor(c => c.Step).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Step == PlanStep.Discontinue).WithMessage("Say why the plan stops.");
        RuleFor(c => c.Reason).MaximumLength(ReasonMaxLength);
    }
}

public sealed class ChangeTreatmentPlanHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeTreatmentPlanCommand, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(ChangeTreatmentPlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.LoadAsync(user, request.PlanId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (request.Step)
        {
            case PlanStep.Activate:
                plan.Activate(now);
                break;
            case PlanStep.Complete:
                plan.Complete(now);
                break;
            case PlanStep.Discontinue:
                plan.Discontinue(request.Reason!, now);
                break;
            case PlanStep.ClearStressFractureForRunning:
                plan.ClearStressFractureForRunning(now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Step, "Unknown step.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(plan, cancellationToken);
    }
}

public sealed record GetTreatmentPlanQuery(Guid Id) : IRequest<TreatmentPlanDto>;

public sealed class GetTreatmentPlanHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetTreatmentPlanQuery, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(GetTreatmentPlanQuery request, CancellationToken cancellationToken)
    {
        return await db.DtoAsync(await db.LoadAsync(user, request.Id, cancellationToken), cancellationToken);
    }
}

/// <summary>A patient's plans, newest first: all for clinicians; active and past ones for the patient.</summary>
public sealed record ListPatientTreatmentPlansQuery(Guid PatientId) : IRequest<IReadOnlyList<TreatmentPlanDto>>;

public sealed class ListPatientTreatmentPlansHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListPatientTreatmentPlansQuery, IReadOnlyList<TreatmentPlanDto>>
{
    public async Task<IReadOnlyList<TreatmentPlanDto>> Handle(ListPatientTreatmentPlansQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var plans = await db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(cancellationToken);
        var visible = new List<TreatmentPlanDto>();
        foreach (var plan in plans.Where(p => TreatmentPlans.MaySee(user, p)).OrderByDescending(p => p.CreatedAtUtc))
        {
            visible.Add(await db.DtoAsync(plan, cancellationToken));
        }

        return visible;
    }
}
