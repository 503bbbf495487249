using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Staff;

/// <summary>Every member of staff, by family then given name.</summary>
public sealed record ListStaffQuery : IRequest<IReadOnlyList<StaffMemberDto>>;

public sealed class ListStaffHandler(IApplicationDbContext db) : IRequestHandler<ListStaffQuery, IReadOnlyList<StaffMemberDto>>
{
    public async Task<IReadOnlyList<StaffMemberDto>> Handle(ListStaffQuery request, CancellationToken cancellationToken)
    {
        var members = await db.StaffMembers.AsNoTracking().Include(s => s.Clinician)
            .OrderBy(s => s.Name.FamilyName).ThenBy(s => s.Name.GivenName)
            .ToListAsync(cancellationToken);
        return members.ConvertAll(StaffMemberDto.From);
    }
}
