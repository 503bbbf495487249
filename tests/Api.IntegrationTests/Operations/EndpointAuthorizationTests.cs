using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>Deny by default: no endpoint is anonymous unless it is on this short list.</summary>
public class EndpointAuthorizationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly string[] AnonymousAllowList =
    [
        "POST /api/auth/register",

        // The invitation's single-use token is the credential (a patient with a record but no login yet).
        "POST /api/auth/claim",
        "POST /api/auth/token",
        "POST /api/auth/refresh",

        // OAuth 2.0 client credentials: the client authenticates with its secret in the request itself.
        "POST /api/auth/client-token",

        // Calendar apps send no bearer token; the per-clinician feed token in the address is checked (404 when wrong).
        "GET /api/clinicians/{id:guid}/calendar.ics",

        // The payment provider signs its events instead of sending a token: the signature is verified before anything is read.
        "POST /api/payments/provider-events",

        // The FHIR CapabilityStatement and the SMART configuration: clients read them before they sign in; they hold no clinic data.
        "GET /fhir/metadata",
        "GET /fhir/.well-known/smart-configuration",

        // The pages behind the problem type URIs (docs/problem-types.md): they describe the API, not the clinic's data.
        "GET /problems/",
        "GET /problems/{code}",

        // Public keys only, for verifying tokens without a shared secret (docs/decisions/0028).
        "GET /.well-known/jwks.json",
        "GET /.well-known/telehealth-jwks.json",
        "GET /health/live",
        "HEAD /health/live",
        "GET /health/ready",
        "HEAD /health/ready",
    ];

    [Fact]
    public void EveryEndpoint_RequiresAuthorization_UnlessOnTheAllowList()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.ShouldNotBeEmpty();

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();

        anonymous.ShouldBe(AnonymousAllowList, ignoreOrder: true);
    }
}
