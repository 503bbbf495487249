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
        "POST /api/auth/token",
        "POST /api/auth/refresh",

        // OAuth 2.0 client credentials: the client authenticates with its secret in the request itself.
        "POST /api/auth/client-token",

        // Calendar apps send no bearer token; the per-clinician feed token in the address is checked (404 when wrong).
        "GET /api/clinicians/{id:guid}/calendar.ics",

        // The FHIR CapabilityStatement: clients read it before they sign in; it holds no clinic data.
        "GET /fhir/metadata",

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
