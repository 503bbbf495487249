using System.Text.RegularExpressions;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Auditing;

/// <summary>An access by someone else to the patient's records.</summary>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="StaffName">Who, when a member of staff; null for software and calendar feeds.</param>
/// <param name="Role">Their role, when a member of staff.</param>
/// <param name="Action">What was done (the operation's name).</param>
/// <param name="ResourceType">Which kind of record.</param>
/// <param name="Accessor">Staff, IntegrationClient (other software acting on its own behalf) or CalendarFeed.</param>
/// <param name="Description">The access in plain words, e.g. "Connected software 'Front desk' read your appointment".</param>
public sealed record AccessLogEntryDto(
    DateTimeOffset OccurredAt, string? StaffName, string? Role, string Action, string ResourceType, string Accessor, string Description);

/// <summary>
/// Who opened the caller's records, or saw them listed in a search, in plain words: staff, integration clients and
/// clinicians' calendar feeds. An accounting of disclosures for the patient.
/// </summary>
public sealed record GetMyAccessLogQuery : IRequest<IReadOnlyList<AccessLogEntryDto>>;

public sealed partial class GetMyAccessLogHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetMyAccessLogQuery, IReadOnlyList<AccessLogEntryDto>>
{
    public const int MaxEntries = 500;

    private const string CalendarFeed = "ClinicianCalendar";

    // The search endpoint's name: each patient a search listed has a record of it (docs/decisions/0035).
    private const string PatientSearch = "SearchPatients";

    public async Task<IReadOnlyList<AccessLogEntryDto>> Handle(GetMyAccessLogQuery request, CancellationToken cancellationToken)
    {
        var patientId = user.PatientId ?? throw new ForbiddenAccessException("Only patients have an access log.");
        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.PatientId == patientId && (r.Outcome == "Success" || r.QueryKind == PossibleDuplicateException.ProblemCode)
                && (r.UserId == null || r.UserId != user.UserId))
            .OrderByDescending(r => r.Id).Take(MaxEntries)
            .Select(r => new { r.OccurredAtUtc, r.UserId, r.ClientId, r.Action, r.ResourceType, r.ResourceId, r.QueryKind })
            .ToListAsync(cancellationToken);

        // Three lookups for the whole page, never one per entry.
        var userIds = records.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(s => userIds.Contains(s.UserId))
            .Select(s => new { s.UserId, s.Name.GivenName, s.Name.FamilyName, s.Role }).ToDictionaryAsync(s => s.UserId, cancellationToken);
        var clientIds = records.Where(r => r.ClientId is not null).Select(r => new IntegrationClientId(r.ClientId!.Value)).Distinct().ToList();
        var clients = await db.IntegrationClients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id.Value, c => c.Name, cancellationToken);
        var clinicianIds = records.Where(r => r.ResourceType == CalendarFeed && Guid.TryParse(r.ResourceId, out _))
            .Select(r => new ClinicianId(Guid.Parse(r.ResourceId!))).Distinct().ToList();
        var clinicians = await db.Clinicians.AsNoTracking().Where(c => clinicianIds.Contains(c.Id))
            .Join(db.StaffMembers, c => c.StaffMemberId, s => s.Id, (c, s) => new { c.Id, s.Name.GivenName, s.Name.FamilyName })
            .ToDictionaryAsync(c => c.Id.Value, c => $"{c.GivenName} {c.FamilyName}", cancellationToken);

        var entries = new List<AccessLogEntryDto>(records.Count);
        foreach (var r in records)
        {
            var at = new DateTimeOffset(r.OccurredAtUtc, TimeSpan.Zero);
            var done = r.Action == PatientSearch ? "saw you listed in a patient search"
                : r.QueryKind == PossibleDuplicateException.ProblemCode ? "saw you named as a possible duplicate of a record being entered"
                : $"{(IsRead(r.Action) ? "read" : "changed")} your {Words(r.ResourceType)}";
            if (r.UserId is { } userId && staff.TryGetValue(userId, out var member))
            {
                var name = $"{member.GivenName} {member.FamilyName}";
                entries.Add(new(at, name, member.Role.ToString(), r.Action, r.ResourceType, "Staff", $"{name} ({Words(member.Role.ToString())}) {done}"));
            }
            else if (r.ClientId is { } clientId && clients.TryGetValue(clientId, out var software))
            {
                entries.Add(new(at, null, null, r.Action, r.ResourceType, "IntegrationClient", $"Connected software '{software}' {done}"));
            }
            else if (r.ResourceType == CalendarFeed && Guid.TryParse(r.ResourceId, out var clinicianId) && clinicians.TryGetValue(clinicianId, out var clinician))
            {
                entries.Add(new(at, null, null, r.Action, r.ResourceType, "CalendarFeed", $"{clinician}'s calendar feed showed your appointments"));
            }
        }

        return entries;
    }

    private static bool IsRead(string action) =>
        action.StartsWith("Get", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal)
        || action.StartsWith("Search", StringComparison.Ordinal) || action == "GET"
        // FHIR serves reads only (FhirReadPatient, FhirPatientEverything, …).
        || action.StartsWith("Fhir", StringComparison.Ordinal);

    /// <summary>"IntakeForm" → "intake form", "FrontDesk" → "front desk".</summary>
    private static string Words(string pascalCase) => PascalCaseBoundary().Replace(pascalCase, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex PascalCaseBoundary();
}
