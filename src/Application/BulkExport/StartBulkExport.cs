using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.BulkExport;
using MediatR;

namespace ClinicHip.Application.BulkExport;

/// <summary>
/// Accepts a FHIR Bulk Data export for the background worker: which types (all the caller may export when none are
/// named) and changes since when. The job belongs to the caller.
/// </summary>
/// <param name="PatientLevel">All patients (<c>Patient/$export</c>) rather than the whole system.</param>
/// <param name="Types">The <c>_type</c> list; empty for every type the caller may export.</param>
/// <param name="Since">Only resources created or changed after this instant.</param>
/// <param name="Request">The kick-off URL, repeated in the manifest.</param>
public sealed record StartBulkExportCommand(bool PatientLevel, IReadOnlyList<string> Types, DateTimeOffset? Since, string Request) : IRequest<BulkExportJobDto>;

public sealed class StartBulkExportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IBulkExportSignal signal)
    : IRequestHandler<StartBulkExportCommand, BulkExportJobDto>
{
    public async Task<BulkExportJobDto> Handle(StartBulkExportCommand request, CancellationToken cancellationToken)
    {
        var types = BulkExportTypes.For(user, request.PatientLevel, request.Types);
        var job = BulkExportJob.Request(
            user.ClientId is null ? user.UserId : null, user.ClientId, types, request.Since?.UtcDateTime, request.Request, clock.GetUtcNow().UtcDateTime);
        db.BulkExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.JobAccepted();
        return BulkExportJobDto.From(job);
    }
}
