using System.Text.Json.Nodes;
using ClinicHip.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Says on every operation that is not anonymous who may call it, read from the endpoint's own authorization policies
/// (the ones the pipeline enforces), so a new endpoint is described by the policy it declares:
/// the bearer scheme for users, with the roles accepted in <c>x-roles</c> (empty: every signed-in user); the OAuth2
/// client-credentials scheme with the scopes that admit an integration client, where a policy grants one; and the
/// 401 and 403 answers.
/// </summary>
internal sealed class AuthorizationOperationFilter(IAuthorizationPolicyProvider policies) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var access = AccessOf(metadata.OfType<IAuthorizeData>());
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerSchemeId, context.Document)] = [] });
        if (access.Scopes.Count > 0 || access.AnyClient)
        {
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OpenApiSetup.ClientCredentialsSchemeId, context.Document)] = [.. access.Scopes],
            });
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. access.Roles.Select(role => JsonValue.Create(role))]));
        operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : "\n\n")}{access.Describe()}";

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token was sent." });
        if (access.Roles.Count > 0 || access.Scopes.Count > 0 || (access.RefusesClients && !access.AnyClient))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse
            {
                Description = "The caller's role may not use this operation, or the client's token lacks the scope (`insufficient_scope`, naming it).",
            });
        }
    }

    private OperationAccess AccessOf(IEnumerable<IAuthorizeData> authorizeData)
    {
        // The combined policy is the one the authorization middleware evaluates for this endpoint.
        var policy = AuthorizationPolicy.CombineAsync(policies, authorizeData).GetAwaiter().GetResult();
        var requirements = policy?.Requirements ?? [];
        var callers = requirements.OfType<CallerRequirement>().ToList();
        var roleRequirements = requirements.OfType<RolesAuthorizationRequirement>().ToList();

        // Every requirement must pass, so the roles accepted are those every role-naming requirement admits.
        var roleSets = callers.Where(c => c.Roles.Count > 0).Select(c => c.Roles)
            .Concat(roleRequirements.Select(r => (IReadOnlyList<string>)[.. r.AllowedRoles])).ToList();
        var roles = roleSets.Count == 0 ? [] : roleSets.Skip(1).Aggregate((IEnumerable<string>)roleSets[0], (all, next) => all.Intersect(next, StringComparer.Ordinal)).ToList();
        var scopes = roleRequirements.Count > 0 ? [] : callers.Select(c => c.Scope).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var anyClient = roleRequirements.Count == 0 && callers.Count > 0 && callers.All(c => c.AnyClient || c.Scope is not null) && callers.Any(c => c.AnyClient);
        return new OperationAccess(roles, scopes, RefusesClients: scopes.Count == 0 && !anyClient, anyClient);
    }

    private sealed record OperationAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, bool RefusesClients, bool AnyClient)
    {
        public string Describe()
        {
            var users = Roles.Count == 0 ? "any signed-in user" : $"users with the role {string.Join(" or ", Roles.Select(r => $"`{r}`"))}";
            var clients = AnyClient ? "any integration client, whatever its scopes"
                : Scopes.Count == 0 ? "integration clients may not call it" : $"integration clients with the scope {string.Join(" or ", Scopes.Select(s => $"`{s}`"))}";
            return $"**Who:** {users}; {clients}.";
        }
    }
}
