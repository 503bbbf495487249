using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Treatment;

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
