using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.BulkExport;

/// <summary>An export's status and manifest: its requester's, or any for an administrator. Another caller's, a cancelled or an expired one answers 404.</summary>
public sealed record GetBulkExportQuery(Guid Id) : IRequest<BulkExportJobDto>;

public sealed class GetBulkExportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetBulkExportQuery, BulkExportJobDto>
{
    public async Task<BulkExportJobDto> Handle(GetBulkExportQuery request, CancellationToken cancellationToken) =>
        BulkExportJobDto.From(await db.VisibleBulkExportAsync(user, request.Id, clock.GetUtcNow().UtcDateTime, tracked: false, cancellationToken));
}
