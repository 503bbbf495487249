using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Auditing;

/// <summary>An access by staff to the patient's records.</summary>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="StaffName">Who.</param>
/// <param name="Role">Their role.</param>
/// <param name="Action">What they did.</param>
/// <param name="ResourceType">Which kind of record.</param>
public sealed record AccessLogEntryDto(DateTimeOffset OccurredAt, string StaffName, string Role, string Action, string ResourceType);

/// <summary>Which staff opened the caller's records: an accounting of disclosures for the patient.</summary>
public sealed record GetMyAccessLogQuery : IRequest<IReadOnlyList<AccessLogEntryDto>>;

public sealed class GetMyAccessLogHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetMyAccessLogQuery, IReadOnlyList<AccessLogEntryDto>>
{
    public const int MaxEntries = 500;

    public async Task<IReadOnlyList<AccessLogEntryDto>> Handle(GetMyAccessLogQuery request, CancellationToken cancellationToken)
    {
        var patientId = user.PatientId ?? throw new ForbiddenAccessException("Only patients have an access log.");
        return await db.AuditRecords.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.UserId != user.UserId && r.Outcome == "Success")
            .Join(db.StaffMembers, r => r.UserId, s => s.UserId, (r, s) => new { Record = r, s.Name, s.Role })
            .OrderByDescending(x => x.Record.Id).Take(MaxEntries)
            .Select(x => new AccessLogEntryDto(new DateTimeOffset(x.Record.OccurredAtUtc, TimeSpan.Zero), x.Name.GivenName + " " + x.Name.FamilyName,
                x.Role.ToString(), x.Record.Action, x.Record.ResourceType))
            .ToListAsync(cancellationToken);
    }
}
