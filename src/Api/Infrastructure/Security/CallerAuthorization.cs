using System.Security.Claims;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>
/// Who may call an operation: users in one of <see cref="Roles"/> (any signed-in user when empty), and integration
/// clients whose token carries <see cref="Scope"/> (none when it is null), or every client when <see cref="AnyClient"/>.
/// </summary>
public sealed record CallerRequirement(IReadOnlyList<string> Roles, string? Scope, bool AnyClient = false) : IAuthorizationRequirement;

/// <summary>
/// Part of the default policy of the /api group: an integration client passes only where one of the endpoint's policies
/// grants a scope. So a client reaches nothing by default, including every endpoint added later without a scope.
/// </summary>
public sealed class ClientsNeedAScopeRequirement : IAuthorizationRequirement;

/// <summary>Decides both requirements from the token's claims; no database work (the revocation check ran at authentication).</summary>
internal sealed class CallerAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var isClient = user.IsIntegrationClient();
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var met = requirement switch
            {
                CallerRequirement caller when isClient => caller.AnyClient || (caller.Scope is { } scope && user.HasScope(scope)),
                CallerRequirement caller => caller.Roles.Count == 0 ? user.Identity?.IsAuthenticated == true : caller.Roles.Any(user.IsInRole),

                // The policies combined for this endpoint are all in context.Requirements; each scoped one checks its own scope.
                ClientsNeedAScopeRequirement => !isClient || context.Requirements.OfType<CallerRequirement>().Any(r => r.Scope is not null || r.AnyClient),
                _ => false,
            };
            if (met)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>How a validated token says who is calling.</summary>
public static class CallerClaims
{
    /// <summary>An integration client's token (client credentials grant) carries <c>client_id</c>; a user's never does.</summary>
    public static bool IsIntegrationClient(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.HasClaim(c => c.Type == ClinicClaimTypes.ClientId);
    }

    /// <summary>Whether the token's space-separated <c>scope</c> claim holds <paramref name="scope"/>.</summary>
    public static bool HasScope(this ClaimsPrincipal principal, string scope)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Scopes().Contains(scope, StringComparer.Ordinal);
    }

    /// <summary>The scopes in the token's space-separated <c>scope</c> claim (none for a user's token).</summary>
    public static string[] Scopes(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(ClinicClaimTypes.Scope)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
    }
}
