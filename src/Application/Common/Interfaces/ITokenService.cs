using ClinicHip.Application.Common.Models;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Issues access tokens and rotating refresh tokens (see docs/decisions/0003-token-design.md).</summary>
public interface ITokenService
{
    Task<TokenPair> IssueAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Spends a refresh token for a new pair. Throws <see cref="Exceptions.AuthenticationFailedException"/>
    /// when it is unknown, expired or revoked; presenting a spent token revokes its whole family.
    /// </summary>
    Task<TokenPair> RefreshAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>Revokes the family of <paramref name="refreshToken"/> if it belongs to <paramref name="userId"/>.</summary>
    Task RevokeAsync(string refreshToken, Guid userId, CancellationToken cancellationToken);

    /// <summary>Revokes every refresh token of the account.</summary>
    Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// An access token for an integration client (client credentials grant): its id and <paramref name="scopes"/>, no
    /// account, no role, no refresh token.
    /// </summary>
    ClientAccessToken IssueClientToken(Guid clientId, IReadOnlyList<string> scopes);
}
