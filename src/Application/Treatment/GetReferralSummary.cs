using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Outcomes;
using MediatR;

namespace ClinicHip.Application.Treatment;

/// <summary>The summary of a plan's surgical referral (its latest, when there are several).</summary>
public sealed record GetReferralSummaryQuery(Guid PlanId) : IRequest<ReferralSummaryDto>;

public sealed class GetReferralSummaryHandler(IApplicationDbContext db, ICurrentUser user, MeaningfulChangeThresholds thresholds)
    : IRequestHandler<GetReferralSummaryQuery, ReferralSummaryDto>
{
    public async Task<ReferralSummaryDto> Handle(GetReferralSummaryQuery request, CancellationToken cancellationToken)
    {
        var plan = await db.LoadAsync(user, request.PlanId, cancellationToken);
        return (await ReferralSummaries.ForAsync(db, plan.PatientId, [plan], thresholds, cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Surgical referral in plan", request.PlanId);
    }
}
