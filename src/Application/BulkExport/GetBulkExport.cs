using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.BulkExport;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.BulkExport;

/// <summary>An export's status and manifest: its requester's, or any for an administrator. Another caller's, a cancelled or an expired one answers 404.</summary>
public sealed record GetBulkExportQuery(Guid Id) : IRequest<BulkExportJobDto>;

public sealed class GetBulkExportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetBulkExportQuery, BulkExportJobDto>
{
    public async Task<BulkExportJobDto> Handle(GetBulkExportQuery request, CancellationToken cancellationToken) =>
        BulkExportJobDto.From(await db.VisibleBulkExportAsync(user, request.Id, clock.GetUtcNow().UtcDateTime, tracked: false, cancellationToken));
}

internal static class BulkExportAccess
{
    /// <summary>The job, when the caller asked for it (or is an administrator) and it is neither cancelled nor expired; otherwise 404, disclosing nothing.</summary>
    public static async Task<BulkExportJob> VisibleBulkExportAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid id, DateTime nowUtc, bool tracked, CancellationToken cancellationToken)
    {
        var jobs = tracked ? db.BulkExportJobs : db.BulkExportJobs.AsNoTracking();
        var job = await jobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is not null && job.IsVisibleAt(nowUtc) && (user.IsInRole(Roles.Admin) || job.IsRequestedBy(user.UserId, user.ClientId))
            ? job
            : throw new NotFoundException("BulkExport", id);
    }
}
