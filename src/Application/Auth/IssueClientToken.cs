using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Integration;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Auth;

/// <summary>An OAuth 2.0 client credentials token request (RFC 6749 §4.4), as read from the form and the Basic credentials.</summary>
/// <param name="GrantType">Must be <c>client_credentials</c>.</param>
/// <param name="ClientId">The integration client's id.</param>
/// <param name="ClientSecret">Its secret.</param>
/// <param name="Scope">Space-separated scopes, a subset of the client's; all of them when absent.</param>
public sealed record IssueClientTokenCommand(string? GrantType, string? ClientId, string? ClientSecret, string? Scope) : IRequest<ClientTokenResponse>;

/// <summary>The successful answer of RFC 6749 §5.1, with its snake_case member names.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires. There is no refresh token: ask for a new one.</param>
/// <param name="Scope">The scopes granted, space-separated.</param>
public sealed record ClientTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

public sealed class IssueClientTokenHandler(IApplicationDbContext db, ITokenService tokens) : IRequestHandler<IssueClientTokenCommand, ClientTokenResponse>
{
    public const string ClientCredentials = "client_credentials";
    private const string InvalidClient = "Client authentication failed: the client id or secret is wrong, or the client was revoked.";

    public async Task<ClientTokenResponse> Handle(IssueClientTokenCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.GrantType))
        {
            throw new OAuthErrorException(OAuthErrorException.InvalidRequest, "grant_type is required.");
        }

        if (request.GrantType != ClientCredentials)
        {
            throw new OAuthErrorException(OAuthErrorException.UnsupportedGrantType, "Only grant_type=client_credentials is supported here.");
        }

        var client = await FindActiveClientAsync(request.ClientId, cancellationToken);

        // Compare even when the client is unknown, so that costs as long as a wrong secret.
        if (!OpaqueSecrets.Matches(request.ClientSecret, client?.SecretHash) || client is null)
        {
            throw new OAuthErrorException(OAuthErrorException.InvalidClient, InvalidClient);
        }

        var requested = request.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var smart = requested.Where(SmartScopes.IsSmart).Distinct().ToList();
        var own = requested.Where(s => !SmartScopes.IsSmart(s)).ToList();
        // A SMART scope stands for ClinicHip scopes the client holds; the token carries both, and policies check the ClinicHip ones.
        var meant = smart.Select(s => SmartScopes.Grant(s, client.Scopes)).ToList();
        // RFC 6749 section 5.2: the description names the scopes refused, so the client knows which to drop or ask for.
        var refused = own.Where(s => !client.Holds([s])).Concat(smart.Where((_, i) => meant[i] is null)).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> granted = requested.Length == 0
            ? client.Scopes
            : refused.Count == 0
                ? [.. IntegrationScopes.All.Where(s => own.Contains(s) || meant.Any(m => m!.Contains(s))), .. smart]
                : throw new OAuthErrorException(OAuthErrorException.InvalidScope,
                    $"Unknown or not granted to this client: {string.Join(' ', refused)}.");

        var token = tokens.IssueClientToken(client.Id.Value, granted);
        return new ClientTokenResponse(token.AccessToken, "Bearer", token.ExpiresInSeconds, string.Join(' ', granted));
    }

    private async Task<IntegrationClient?> FindActiveClientAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(clientId, out var id))
        {
            return null;
        }

        var key = new IntegrationClientId(id);
        return await db.IntegrationClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == key && c.RevokedAtUtc == null, cancellationToken);
    }
}
