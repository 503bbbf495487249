using ClinicHip.Domain.Auditing;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Writes audit records in their own unit of work, whatever became of the request's own changes.</summary>
public interface IAuditTrail
{
    Task RecordAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);
}
