using ClinicHip.Api.Endpoints;
using ClinicHip.Api.Fhir;
using ClinicHip.Api.Infrastructure;
using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Errors;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.OpenApi;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Api.Infrastructure.Telemetry;
using ClinicHip.Application;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure;
using ClinicHip.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

if (args is [HealthProbe.Argument])
{
    return await HealthProbe.RunAsync();
}

var startup = StartupTimings.Start();
var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
if (builder.Environment.IsDevelopment())
{
    // A person reads these: one line each, so "listening on …" and the Swagger UI address stand out.
    builder.Logging.AddSimpleConsole(options =>
    {
        options.SingleLine = true;
        options.TimestampFormat = "HH:mm:ss ";
    });
}
else
{
    builder.Logging.AddJsonConsole(options =>
    {
        // The host's scopes carry TraceId and SpanId (and the request path, never the query): a problem's traceId finds its lines.
        options.IncludeScopes = true;
        options.UseUtcTimestamp = true;
        options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    });
}

builder.AddClinicTelemetry();
builder.Services.AddApplication();
builder.Services.AddPublicAddress(builder.Environment);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);

builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<ICurrentUser, HttpCurrentUser>();
builder.Services.AddClinicJwtAuthentication();
builder.Services.AddAuthorizationBuilder().AddClinicPolicies();
builder.Services.AddSingleton<IAuthorizationHandler, CallerAuthorizationHandler>();
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, InsufficientScopeResultHandler>();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions.TryAdd("traceId", ProblemDetailsExceptionHandler.TraceId(context.HttpContext)));
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<StatusCodePagesOptions>(UnreadableRequestProblem.NameUnparsedQueryValues);
// Unreadable bodies become exceptions so the one exception handler answers them with a problem document.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddStrictJsonBinding();
builder.Services.AddClinicOpenApi();
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
builder.Services.AddClinicRateLimits();
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
var behindProxy = builder.Services.AddClinicForwardedHeaders(builder.Configuration);
builder.WebHost.ConfigureKestrel(options =>
{
    options.AddServerHeader = false;
    options.Limits.MaxRequestBodySize = AbuseLimits.MaxRequestBodyBytes;
});

// CORS stays closed (no cross-origin browser calls) unless origins are configured.
var corsOrigins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
if (corsOrigins.Length > 0)
{
    builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins(corsOrigins).AllowAnyHeader().AllowAnyMethod()));
}

startup.Mark("services");
var app = builder.Build();
// Every options class is validated when the host starts; checked here already, a wrong setting stops the start before
// the database is migrated or seeded.
app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
app.StartClinicTracing();
startup.Mark("build");

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(app.Lifetime.ApplicationStopping);
}

startup.Mark("database");

if (behindProxy)
{
    app.UseForwardedHeaders();
}

app.UseMiddleware<AccessLogMiddleware>();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWhen(FhirOutcomes.IsFhirRequest, fhir => fhir.UseMiddleware<FhirStatusOutcomeMiddleware>());
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

if (corsOrigins.Length > 0)
{
    app.UseCors();
}

app.UseClinicOpenApi();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseStrictQueryParameters("/api");
app.UseRereadableJsonBodies("/api");

app.MapHealthEndpoints();
app.MapProblemTypeEndpoints();
app.MapKeySetEndpoints();
app.MapClinicMetrics();

// Deny by default: every API endpoint needs a signed-in caller unless it says AllowAnonymous.
// (Not a fallback policy: that would also answer 401 to unknown routes and unsupported media types.)
var api = app.MapGroup("/api").RequireAuthorization().WithMetadata(new RequestSizeLimitAttribute(AbuseLimits.MaxRequestBodyBytes));

// Every access to patient data is audited here, in one place; each endpoint declares Audited(...) or NotPatientData().
api.AddEndpointFilter<AuditEndpointFilter>();
api.MapAuthEndpoints();
api.MapPatientEndpoints();
api.MapStaffEndpoints();
api.MapClinicEndpoints();
api.MapLocationEndpoints();
api.MapClinicianEndpoints();
api.MapDiaryEndpoints();
api.MapAppointmentEndpoints();
api.MapWaitlistEndpoints();
api.MapInvoiceEndpoints();
api.MapOnlinePaymentEndpoints();
api.MapBillingDocumentEndpoints();
api.MapPriceListEndpoints();
api.MapPrepaidPackEndpoints();
api.MapBillingReportEndpoints();
api.MapIntakeEndpoints();
api.MapProgressEndpoints();
api.MapTrainingFileEndpoints();
api.MapConditionEndpoints();
api.MapAssessmentEndpoints();
api.MapTreatmentPlanEndpoints();
api.MapAuditEndpoints();
api.MapIntegrationClientEndpoints();
api.MapWebhookEndpoints();

// FHIR R4 over the same use cases, policies and audit trail; its errors are OperationOutcomes (docs/decisions/0021).
app.MapFhirEndpoints();

startup.Mark("mapping");
app.Lifetime.ApplicationStarted.Register(() =>
{
    startup.Report(app.Logger);
    StartupLog.AnnounceAddresses(app);
});

await app.RunAsync();
return 0;

/// <summary>The API host; public so integration tests can start it.</summary>
public partial class Program;
