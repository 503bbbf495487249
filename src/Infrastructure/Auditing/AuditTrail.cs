using ClinicHip.Application.Common.Auditing;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Infrastructure.Auditing;

/// <summary>Writes audit records through a context of their own, so a request's unsaved or failed changes never ride along.</summary>
internal sealed class AuditTrail(IServiceScopeFactory scopes) : IAuditTrail
{
    public async Task RecordAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.AuditRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
