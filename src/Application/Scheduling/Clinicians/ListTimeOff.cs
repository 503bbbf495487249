using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Clinicians;

public sealed record ListTimeOffQuery(Guid ClinicianId) : IRequest<IReadOnlyList<TimeOffDto>>;

public sealed class ListTimeOffHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ListTimeOffQuery, IReadOnlyList<TimeOffDto>>
{
    /// <summary>Current and future time off, soonest first.</summary>
    public async Task<IReadOnlyList<TimeOffDto>> Handle(ListTimeOffQuery request, CancellationToken cancellationToken)
    {
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await db.TimeOff.AsNoTracking().Where(t => t.ClinicianId == clinician.Id && t.EndUtc > now).OrderBy(t => t.StartUtc)
            .ToListAsync(cancellationToken);
        return list.ConvertAll(TimeOffDto.From);
    }
}
