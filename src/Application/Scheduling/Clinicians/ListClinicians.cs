using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Clinicians;

/// <summary>A clinician patients can book.</summary>
/// <param name="Id">The clinician id.</param>
/// <param name="DisplayName">The name patients see.</param>
/// <param name="Profession">Physiotherapist, SportsPhysician, ExercisePhysiologist or Podiatrist.</param>
public sealed record BookableClinicianDto(Guid Id, string DisplayName, Profession Profession);

public sealed record ListCliniciansQuery : IRequest<IReadOnlyList<BookableClinicianDto>>;

public sealed class ListCliniciansHandler(IApplicationDbContext db) : IRequestHandler<ListCliniciansQuery, IReadOnlyList<BookableClinicianDto>>
{
    public async Task<IReadOnlyList<BookableClinicianDto>> Handle(ListCliniciansQuery request, CancellationToken cancellationToken) =>
        await db.Clinicians.AsNoTracking().Where(c => c.IsBookable).OrderBy(c => c.DisplayName)
            .Select(c => new BookableClinicianDto(c.Id.Value, c.DisplayName, c.Profession))
            .ToListAsync(cancellationToken);
}
