using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Staff;

/// <summary>
/// An administrator disables a staff account (sign-in refused, every token ended at once) or enables it again.
/// Administrators cannot disable themselves.
/// </summary>
public sealed record SetStaffMemberAccessCommand(Guid StaffMemberId, bool Disabled) : IRequest<StaffMemberDto>;

public sealed class SetStaffMemberAccessHandler(IApplicationDbContext db, IIdentityService identity, ITokenService tokens, ICurrentUser user)
    : IRequestHandler<SetStaffMemberAccessCommand, StaffMemberDto>
{
    public async Task<StaffMemberDto> Handle(SetStaffMemberAccessCommand request, CancellationToken cancellationToken)
    {
        var id = new StaffMemberId(request.StaffMemberId);
        var member = await db.StaffMembers.AsNoTracking().Include(s => s.Clinician).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Staff member", request.StaffMemberId);
        if (request.Disabled && member.UserId == user.UserId)
        {
            throw new UnprocessableRequestException("staff.cannot-disable-self", "Administrators cannot disable their own account.");
        }

        await identity.SetDisabledAsync(member.UserId, request.Disabled, cancellationToken);
        if (request.Disabled)
        {
            await tokens.RevokeAllAsync(member.UserId, cancellationToken);
        }

        return StaffMemberDto.From(member);
    }
}
