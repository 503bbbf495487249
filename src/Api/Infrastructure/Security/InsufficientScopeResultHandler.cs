using ClinicHip.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>
/// Refuses an integration client whose token lacks the scope an operation needs the way RFC 6750 (section 3.1) says:
/// 403 with <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="..."</c>, and a problem document naming the
/// scopes that would admit it (none where no scope admits a client). Users keep the ordinary 403.
/// </summary>
internal sealed class InsufficientScopeResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    public const string Code = "auth.insufficient-scope";

    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden || !context.User.IsIntegrationClient())
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var accepted = policy.Requirements.OfType<CallerRequirement>().Select(r => r.Scope).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate = accepted.Count == 0
            ? "Bearer error=\"insufficient_scope\""
            : $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', accepted)}\"";
        if (Fhir.FhirOutcomes.IsFhirRequest(context))
        {
            // FHIR clients read OperationOutcomes only; the challenge header still names the scope.
            await Fhir.FhirResult.WriteAsync(context.Response,
                Fhir.FhirOutcomes.ForStatus(StatusCodes.Status403Forbidden, Errors.ProblemDetailsExceptionHandler.TraceId(context)), StatusCodes.Status403Forbidden);
            return;
        }

        // Where another operation serves clients instead (docs/decisions/0049), the refusal names it.
        var alternative = context.GetEndpoint()?.Metadata.GetMetadata<ClientAlternative>()?.Description;
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Type = ProblemDetailsExceptionHandler.ProblemType(context, Code),
                Title = "The client's token lacks the scope this operation needs.",
                Detail = accepted.Count == 0
                    ? $"Integration clients may not call this operation.{(alternative is null ? "" : $" {alternative}")}"
                    : $"This operation needs the scope {string.Join(" or ", accepted)}.",
                Extensions = { ["code"] = Code, ["error"] = "insufficient_scope", ["requiredScopes"] = accepted },
            },
        };
        if (alternative is not null)
        {
            problem.ProblemDetails.Extensions["alternative"] = alternative;
        }

        await problems.WriteAsync(problem);
    }
}

/// <summary>What an integration client refused by an operation uses instead, said in its 403 (docs/decisions/0049).</summary>
internal sealed record ClientAlternative(string Description);
