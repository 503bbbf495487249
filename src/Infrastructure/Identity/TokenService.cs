using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>Short-lived signed JWT access tokens and rotating, hashed refresh tokens (docs/decisions/0003).</summary>
internal sealed class TokenService(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    AccessTokenKeys signingKeys,
    IOptions<JwtOptions> options,
    TimeProvider clock) : ITokenService
{
    private const string InvalidRefreshToken = "The refresh token is invalid or expired. Sign in again.";
    private readonly JwtOptions jwt = options.Value;

    public Task<TokenPair> IssueAsync(Guid userId, CancellationToken cancellationToken) =>
        IssueAsync(userId, familyId: Guid.CreateVersion7(), cancellationToken);

    public async Task<TokenPair> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var presented = await db.RefreshTokens.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == Hash(refreshToken), cancellationToken)
            ?? throw new AuthenticationFailedException(InvalidRefreshToken);

        if (presented.RevokedAtUtc is not null || presented.ExpiresAtUtc <= now)
        {
            throw new AuthenticationFailedException(InvalidRefreshToken);
        }

        // Spend it atomically: of two racing refreshes with one token, exactly one wins; the other is reuse.
        var spent = await db.RefreshTokens
            .Where(t => t.Id == presented.Id && t.ConsumedAtUtc == null && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAtUtc, now), cancellationToken);
        if (spent == 0)
        {
            await RevokeFamilyAsync(presented.FamilyId, now, cancellationToken);
            throw new AuthenticationFailedException(InvalidRefreshToken);
        }

        return await IssueAsync(presented.UserId, presented.FamilyId, cancellationToken);
    }

    public async Task RevokeAsync(string refreshToken, Guid userId, CancellationToken cancellationToken)
    {
        var familyId = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.TokenHash == Hash(refreshToken) && t.UserId == userId)
            .Select(t => (Guid?)t.FamilyId)
            .SingleOrDefaultAsync(cancellationToken);
        if (familyId is { } family)
        {
            await RevokeFamilyAsync(family, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }

    private async Task<TokenPair> IssueAsync(Guid userId, Guid familyId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString())
            ?? throw new AuthenticationFailedException(InvalidRefreshToken);
        var now = clock.GetUtcNow().UtcDateTime;

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(refreshToken),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + jwt.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + jwt.AccessTokenLifetime,
            SigningCredentials = signingKeys.Current.Credentials,
            Subject = new ClaimsIdentity(await BuildClaimsAsync(user, cancellationToken)),
        };
        var accessToken = new JsonWebTokenHandler().CreateToken(descriptor);
        return new TokenPair(accessToken, (int)jwt.AccessTokenLifetime.TotalSeconds, refreshToken);
    }

    private async Task<List<Claim>> BuildClaimsAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var claims = new List<Claim>
        {
            new(ClinicClaimTypes.Subject, user.Id.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            new(ClinicClaimTypes.Email, user.Email!),
            new(ClinicClaimTypes.SecurityStamp, user.SecurityStamp ?? string.Empty),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(role => new Claim(ClinicClaimTypes.Role, role)));

        var patientId = await db.Patients.AsNoTracking().Where(p => p.UserId == user.Id)
            .Select(p => (Guid?)p.Id.Value).FirstOrDefaultAsync(cancellationToken);
        if (patientId is { } patient)
        {
            claims.Add(new Claim(ClinicClaimTypes.PatientId, patient.ToString()));
        }

        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UserId == user.Id)
            .Select(s => new { Id = s.Id.Value, ClinicianId = s.Clinician == null ? (Guid?)null : s.Clinician.Id.Value })
            .FirstOrDefaultAsync(cancellationToken);
        if (staff is not null)
        {
            claims.Add(new Claim(ClinicClaimTypes.StaffMemberId, staff.Id.ToString()));
            if (staff.ClinicianId is { } clinician)
            {
                claims.Add(new Claim(ClinicClaimTypes.ClinicianId, clinician.ToString()));
            }
        }

        return claims;
    }

    public ClientAccessToken IssueClientToken(Guid clientId, IReadOnlyList<string> scopes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + jwt.AccessTokenLifetime,
            SigningCredentials = signingKeys.Current.Credentials,
            TokenType = ClinicClaimTypes.AccessTokenType,

            // RFC 9068: sub and client_id both name the client; scope is space-separated. No role, no account.
            Subject = new ClaimsIdentity(
            [
                new Claim(ClinicClaimTypes.Subject, clientId.ToString()),
                new Claim(ClinicClaimTypes.ClientId, clientId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
                new Claim(ClinicClaimTypes.Scope, string.Join(' ', scopes)),
            ]),
        };
        return new ClientAccessToken(new JsonWebTokenHandler().CreateToken(descriptor), (int)jwt.AccessTokenLifetime.TotalSeconds);
    }

    /// <summary>Revokes every refresh token of the account (password changed, account disabled).</summary>
    public Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);

    private Task<int> RevokeFamilyAsync(Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), cancellationToken);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
