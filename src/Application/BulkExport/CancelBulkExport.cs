using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.BulkExport;

/// <summary>
/// Cancels an export (its requester, or an administrator) and deletes its files; a running job stops at its next batch.
/// Afterwards its status answers 404.
/// </summary>
public sealed record CancelBulkExportCommand(Guid Id) : IRequest;

public sealed class CancelBulkExportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IBulkExportFiles files)
    : IRequestHandler<CancelBulkExportCommand>
{
    public async Task<Unit> Handle(CancelBulkExportCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = await db.VisibleBulkExportAsync(user, request.Id, now, tracked: true, cancellationToken);
        job.Cancel(now);
        await db.SaveChangesAsync(cancellationToken);
        files.Delete(job.Id);
        return Unit.Value;
    }
}
