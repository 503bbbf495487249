using ClinicHip.Application.Common.Interfaces;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Treatment;

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
