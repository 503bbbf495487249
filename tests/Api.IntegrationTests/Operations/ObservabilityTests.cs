using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>The API as an operator runs it: access log at Information, /metrics on.</summary>
public sealed class ObservabilityApiFactory : ClinicApiFactory
{
    public ObservabilityApiFactory()
    {
        Settings["Logging:LogLevel:ClinicHip.AccessLog"] = "Information";
        Settings["Metrics:Enabled"] = "true";
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}

/// <summary>
/// Runs alone: /metrics exports every meter named ClinicHip in the process, so bookings made by tests running beside it
/// would count in its figures.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMetrics), DisableParallelization = true)]
public sealed class ProcessWideMetrics;

/// <summary>One access-log line per request that a problem's traceId finds; the clinic's own metrics on /metrics.</summary>
[Collection(nameof(ProcessWideMetrics))]
public class ObservabilityTests(ObservabilityApiFactory factory) : IClassFixture<ObservabilityApiFactory>
{
    private const string FeedToken = "secret-feed-token-never-logged";

    [Fact]
    public async Task AccessLog_WritesOneLinePerRequest_WithRouteTemplateStatusAndCaller_NeverTheQuery()
    {
        var admin = await factory.AdminClientAsync();
        var adminId = (await ApiClientExtensions.OkAsync(await admin.GetAsync("/api/auth/me")))["userId"]!.GetValue<Guid>();
        var clinician = Guid.CreateVersion7();

        var feed = await factory.CreateClient().GetAsync($"/api/clinicians/{clinician}/calendar.ics?token={FeedToken}");
        var problem = await feed.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.CreateClient().GetAsync("/api/staff")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().GetAsync("/no/such/route")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var lines = factory.Logs.Entries.Where(e => e.Category == "ClinicHip.AccessLog").ToList();
        var traceId = problem["traceId"]!.GetValue<string>().Split('-')[1];
        var feedLine = lines.Where(e => Equals(e.Scope.GetValueOrDefault("TraceId")?.ToString(), traceId)).ShouldHaveSingleItem();
        feedLine.Message.ShouldStartWith("GET /api/clinicians/{id:guid}/calendar.ics answered 404 in ");
        feedLine.Message.ShouldEndWith(" for anonymous");
        lines.ShouldContain(e => e.Message.StartsWith("GET /api/staff/ answered 200 in ", StringComparison.Ordinal) && e.Message.EndsWith($" for user:{adminId}", StringComparison.Ordinal));
        lines.ShouldContain(e => e.Message.StartsWith("GET /api/staff/ answered 401 in ", StringComparison.Ordinal) && e.Message.EndsWith(" for anonymous", StringComparison.Ordinal));
        lines.ShouldContain(e => e.Message.StartsWith("GET (no route) answered 404 in ", StringComparison.Ordinal));
        factory.Logs.Entries.Where(e => e.Message.Contains(FeedToken, StringComparison.Ordinal)
            || e.Scope.Values.Any(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Contains(FeedToken, StringComparison.Ordinal) == true)).ShouldBeEmpty();
        lines.ShouldNotContain(e => e.Message.Contains(clinician.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AfterABookingAndAConflict_CountBoth()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        var before = await MetricsAsync();
        var start = Local(3, 11);

        await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start)));
        (await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await MetricsAsync();
        Value(after, "clinichip_appointments_booked").ShouldBe(Value(before, "clinichip_appointments_booked") + 1);
        Value(after, "clinichip_appointments_conflicts").ShouldBe(Value(before, "clinichip_appointments_conflicts") + 1);
        after.ShouldContain("clinichip_audit_queue_depth");
    }

    private async Task<string> MetricsAsync()
    {
        var response = await factory.CreateClient().GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of a counter in the Prometheus text format, 0 before its first increment.</summary>
    private static double Value(string exposition, string name) =>
        exposition.Split('\n').Where(line => line.StartsWith(name, StringComparison.Ordinal) && !line.StartsWith('#'))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Sum();
}
