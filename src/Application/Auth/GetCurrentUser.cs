using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Auth;

/// <summary>Who the caller is: account, roles and the profile ids the rest of the API takes.</summary>
public sealed record GetCurrentUserQuery : IRequest<CurrentUserDto>;

/// <summary>The signed-in account.</summary>
/// <param name="UserId">The account id.</param>
/// <param name="Email">The login email.</param>
/// <param name="Roles">Access roles: Patient, FrontDesk, Clinician, Admin.</param>
/// <param name="PatientId">The patient profile id, for a patient.</param>
/// <param name="StaffMemberId">The staff profile id, for staff.</param>
/// <param name="ClinicianId">The clinician profile id, for a clinician.</param>
public sealed record CurrentUserDto(Guid UserId, string Email, IReadOnlyList<string> Roles, Guid? PatientId, Guid? StaffMemberId, Guid? ClinicianId);

public sealed class GetCurrentUserHandler(IApplicationDbContext db, IIdentityService identity, ICurrentUser currentUser)
    : IRequestHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async Task<CurrentUserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new AuthenticationFailedException("Sign in first.");
        var account = await identity.FindAccountAsync(userId, cancellationToken)
            ?? throw new AuthenticationFailedException("The account no longer exists.");

        var patientId = await db.Patients.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => (Guid?)p.Id.Value).FirstOrDefaultAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { StaffMemberId = s.Id.Value, ClinicianId = s.Clinician == null ? (Guid?)null : s.Clinician.Id.Value })
            .FirstOrDefaultAsync(cancellationToken);

        return new CurrentUserDto(userId, account.Email, account.Roles, patientId, staff?.StaffMemberId, staff?.ClinicianId);
    }
}
