using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>One change to a patient record.</summary>
/// <param name="Kind">Created, Edited, Archived, Restored or DeathRecorded.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="ChangedBy">The account id (or client:id) that made the change.</param>
/// <param name="Fields">Each changed field with its value before and after.</param>
/// <param name="ConfirmedNotDuplicate">The caller overrode a possible-duplicate warning.</param>
public sealed record PatientChangeDto(
    PatientChangeKind Kind, DateTimeOffset ChangedAt, string ChangedBy, IReadOnlyList<PatientFieldChange> Fields, bool ConfirmedNotDuplicate);

/// <summary>A patient record's change history, oldest first (administrators).</summary>
public sealed record GetPatientHistoryQuery(Guid PatientId) : IRequest<IReadOnlyList<PatientChangeDto>>;

public sealed class GetPatientHistoryHandler(IApplicationDbContext db) : IRequestHandler<GetPatientHistoryQuery, IReadOnlyList<PatientChangeDto>>
{
    public async Task<IReadOnlyList<PatientChangeDto>> Handle(GetPatientHistoryQuery request, CancellationToken cancellationToken)
    {
        var id = new PatientId(request.PatientId);
        if (!await db.Patients.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new NotFoundException("Patient", request.PatientId);
        }

        var changes = await db.PatientChanges.AsNoTracking().Where(c => c.PatientId == id).OrderBy(c => c.ChangedAtUtc).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return [.. changes.Select(c => new PatientChangeDto(c.Kind, new DateTimeOffset(c.ChangedAtUtc, TimeSpan.Zero), c.ChangedBy, c.Fields, c.ConfirmedNotDuplicate))];
    }
}
