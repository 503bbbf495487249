using ClinicHip.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;

namespace ClinicHip.Api.Infrastructure.Telemetry;

/// <summary>
/// Traces and metrics (docs/configuration.md). OpenTelemetry runs only when an OTLP endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), so an instance that exports nothing pays nothing for it; <c>/metrics</c> is
/// served when <c>Metrics:Enabled</c> (on in Development only).
/// </summary>
internal static class TelemetrySetup
{
    public static void AddClinicTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        // The instrumentations redact query strings (a calendar feed's token) and never record bodies or parameters.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("clinichip-api"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(ClinicMetrics.MeterName)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ClinicMetrics.MeterName)
                .AddOtlpExporter());
    }

    /// <summary>
    /// Builds the tracer, when there is one, before the first query. A pooled DbContext that runs a command while
    /// nothing listens to EF Core's diagnostics stops asking for a second (EF's logging cache), so start-up's queries,
    /// run before the host would build the tracer, used to leave the first requests' commands untraced.
    /// </summary>
    public static void StartClinicTracing(this WebApplication app) => app.Services.GetService<TracerProvider>();

    /// <summary>The Prometheus scrape endpoint, anonymous: keep it off, or reachable only from the scraper's network, outside Development.</summary>
    public static void MapClinicMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue("Metrics:Enabled", app.Environment.IsDevelopment()))
        {
            app.MapMetrics("/metrics").AllowAnonymous();
        }
    }
}
