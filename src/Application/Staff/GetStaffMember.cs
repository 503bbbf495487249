using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Staff;

/// <summary>One member of staff.</summary>
public sealed record GetStaffMemberQuery(Guid Id) : IRequest<StaffMemberDto>;

public sealed class GetStaffMemberHandler(IApplicationDbContext db) : IRequestHandler<GetStaffMemberQuery, StaffMemberDto>
{
    public async Task<StaffMemberDto> Handle(GetStaffMemberQuery request, CancellationToken cancellationToken)
    {
        var id = new StaffMemberId(request.Id);
        var member = await db.StaffMembers.AsNoTracking().Include(s => s.Clinician)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Staff member", request.Id);
        return StaffMemberDto.From(member);
    }
}
