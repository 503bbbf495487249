using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ClinicHip.Api.Endpoints;

/// <summary>Probes for orchestrators: live (the process answers) and ready (the database answers too).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithName("Live");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous().WithName("Ready");
        return app;
    }
}
