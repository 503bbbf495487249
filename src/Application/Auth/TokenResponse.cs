using ClinicHip.Application.Common.Models;

namespace ClinicHip.Application.Auth;

/// <summary>An OAuth 2.0-style bearer token answer.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">Single-use token for <c>POST /api/auth/refresh</c>; each use returns a new one.</param>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken)
{
    public static TokenResponse From(TokenPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new(pair.AccessToken, "Bearer", pair.ExpiresInSeconds, pair.RefreshToken);
    }
}
