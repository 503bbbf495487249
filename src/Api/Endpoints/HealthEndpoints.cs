using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ClinicHip.Api.Endpoints;

/// <summary>Probes for orchestrators: live (the process answers) and ready (the database answers too).</summary>
public static class HealthEndpoints
{
    private static readonly HttpMethodMetadata ProbeMethods = new([HttpMethods.Get, HttpMethods.Head]);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().WithMetadata(ProbeMethods).WithName("Live");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .AllowAnonymous().WithMetadata(ProbeMethods).WithName("Ready");
        return app;
    }
}
