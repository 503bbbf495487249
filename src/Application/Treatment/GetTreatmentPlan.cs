using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Treatment;

public sealed record GetTreatmentPlanQuery(Guid Id) : IRequest<TreatmentPlanDto>;

public sealed class GetTreatmentPlanHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetTreatmentPlanQuery, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(GetTreatmentPlanQuery request, CancellationToken cancellationToken)
    {
        return await db.DtoAsync(await db.LoadAsync(user, request.Id, cancellationToken), cancellationToken);
    }
}
