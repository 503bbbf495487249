using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Auth;

/// <summary>Who the caller is: a user's account, roles and the profile ids the rest of the API takes, or an integration client's id, name and scopes.</summary>
public sealed record GetCurrentUserQuery : IRequest<CurrentUserDto>;

/// <summary>The caller: a signed-in account, or an integration client (then the user members are null and the roles empty).</summary>
/// <param name="UserId">The account id; null for an integration client.</param>
/// <param name="Email">The login email; null for an integration client.</param>
/// <param name="Roles">Access roles: Patient, FrontDesk, Clinician, Admin; none for an integration client.</param>
/// <param name="PatientId">The patient profile id, for a patient.</param>
/// <param name="StaffMemberId">The staff profile id, for staff.</param>
/// <param name="ClinicianId">The clinician profile id, for a clinician.</param>
/// <param name="ClientId">The integration client's id, for a client.</param>
/// <param name="ClientName">The integration client's name, for a client.</param>
/// <param name="Scopes">The integration client's scopes, as its token carries them; none for a user.</param>
public sealed record CurrentUserDto(
    Guid? UserId, string? Email, IReadOnlyList<string> Roles, Guid? PatientId, Guid? StaffMemberId, Guid? ClinicianId,
    Guid? ClientId, string? ClientName, IReadOnlyList<string> Scopes);

public sealed class GetCurrentUserHandler(IApplicationDbContext db, IIdentityService identity, ICurrentUser currentUser)
    : IRequestHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async Task<CurrentUserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        if (currentUser.ClientId is { } clientId)
        {
            var name = await db.IntegrationClients.AsNoTracking().Where(c => c.Id == new IntegrationClientId(clientId))
                .Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new AuthenticationFailedException("The client no longer exists.");
            return new CurrentUserDto(null, null, [], null, null, null, clientId, name, currentUser.Scopes);
        }

        var userId = currentUser.UserId ?? throw new AuthenticationFailedException("Sign in first.");
        var account = await identity.FindAccountAsync(userId, cancellationToken)
            ?? throw new AuthenticationFailedException("The account no longer exists.");

        var patientId = await db.Patients.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => (Guid?)p.Id.Value).FirstOrDefaultAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { StaffMemberId = s.Id.Value, ClinicianId = s.Clinician == null ? (Guid?)null : s.Clinician.Id.Value })
            .FirstOrDefaultAsync(cancellationToken);

        return new CurrentUserDto(userId, account.Email, account.Roles, patientId, staff?.StaffMemberId, staff?.ClinicianId, null, null, []);
    }
}
