using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Treatment;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.Treatment;

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
        IfMatch.Ensure(request.ExpectedVersion, plan.Version, "treatment plan");

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
