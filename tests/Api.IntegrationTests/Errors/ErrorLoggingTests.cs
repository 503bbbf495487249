using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Errors;

/// <summary>
/// Logs match errors: an expected refusal is an answer, logged below Warning without a stack trace, so nobody can fill the
/// error log from outside; a real fault is logged once, at Error, with the trace id its problem document quotes.
/// </summary>
public class ErrorLoggingTests(LogCapturingApiFactory factory) : IClassFixture<LogCapturingApiFactory>
{
    /// <summary>
    /// Warnings about the in-memory test server, not about any request: it has no request body size feature (Kestrel has),
    /// and outside Development the HTTPS redirection finds no HTTPS port on it.
    /// </summary>
    private static readonly HashSet<string?> TestHostOnly = ["RequestSizeFeatureNotFound", "FailedToDeterminePort"];

    [Fact]
    public async Task ExpectedRefusals_OfEveryKind_LogNothingAtWarningOrAbove_AndNoStackTrace()
    {
        var scenario = await CreateAsync(factory);
        var (first, _) = await factory.NewPatientClientAsync();
        var (second, secondProfile) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (clientId, secret) = await IntegrationClients.RegisterAsync(scenario.Admin, "appointments:read");
        var anonymous = factory.CreateClient();
        await CreatedAsync(await first.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9))));
        var etag = (await scenario.Admin.GetAsync("/api/clinic/settings")).Headers.ETag!;
        var settings = await scenario.Admin.GetFromJsonAsync<JsonObject>("/api/clinic/settings");
        var current = new HttpRequestMessage(HttpMethod.Put, "/api/clinic/settings") { Content = JsonContent.Create(settings) };
        current.Headers.IfMatch.Add(etag);
        (await scenario.Admin.SendAsync(current)).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Logs.Clear();

        var refusals = new List<(HttpStatusCode Expected, HttpResponseMessage Response)>
        {
            (HttpStatusCode.BadRequest, await anonymous.PostAsJsonAsync("/api/auth/register", new { email = "not-an-email" })),
            (HttpStatusCode.BadRequest, await anonymous.PostAsync("/api/auth/register", new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"))),
            (HttpStatusCode.Unauthorized, await anonymous.PostAsJsonAsync("/api/auth/token", new { email = ClinicApiFactory.AdminEmail, password = "not-the-password" })),
            (HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/appointments")),
            (HttpStatusCode.Forbidden, await frontDesk.GetAsync("/api/audit")),
            (HttpStatusCode.Forbidden, await first.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 9), patientId: secondProfile.Id))),
            (HttpStatusCode.NotFound, await scenario.Admin.GetAsync($"/api/appointments/{Guid.NewGuid()}")),
            (HttpStatusCode.Conflict, await second.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9)))),
            (HttpStatusCode.PreconditionFailed, await scenario.Admin.SendAsync(Stale(settings!, etag))),
            (HttpStatusCode.UnprocessableEntity, await second.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 11, 3)))),
            (HttpStatusCode.BadRequest, await anonymous.RequestTokenWithBasicAsync(clientId, secret, ("grant_type", "nonsense"))),
            (HttpStatusCode.BadRequest, await anonymous.RequestTokenWithBasicAsync(clientId, secret, ("grant_type", "client_credentials"), ("scope", "patients:read"))),
            (HttpStatusCode.Unauthorized, await anonymous.RequestTokenWithBasicAsync(clientId, "not-the-secret", ("grant_type", "client_credentials"))),
        };

        refusals.ForEach(r => r.Response.StatusCode.ShouldBe(r.Expected, $"{r.Response.RequestMessage!.Method} {r.Response.RequestMessage.RequestUri}"));
        ShouldHaveLoggedNoFault(factory.Logs.Entries);
        factory.Logs.Entries.Count(e => e.Message.StartsWith("Refused ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public async Task ARefusal_IsLoggedWithTheTraceIdOfItsProblemDocument()
    {
        var admin = await factory.AdminClientAsync();
        var problem = await (await admin.GetAsync($"/api/appointments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var traceId = TraceIdOf(problem);
        var refused = factory.Logs.Entries.Where(e => e.Message.StartsWith("Refused GET", StringComparison.Ordinal) && Equals(e.Scope.GetValueOrDefault("TraceId")?.ToString(), traceId));
        refused.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Information);
    }

    [Fact]
    public async Task RateLimitedRequests_LogNothingAtWarningOrAbove()
    {
        await using var limited = new LogCapturingApiFactory().WithSetting("RateLimits:AuthPermitLimit", "2");
        var anonymous = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "nobody@example.com", password = "not-a-password" })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        ShouldHaveLoggedNoFault(limited.Logs.Entries);
    }

    [Fact]
    public async Task AFault_IsLoggedOnceAtError_WithTheTraceIdOfItsProblemDocument()
    {
        await using var broken = new LogCapturingApiFactory();
        var admin = await broken.AdminClientAsync();
        (await admin.GetAsync("/api/appointment-types")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var connection = await broken.Database.OpenConnectionAsync())
        {
            // A damaged database: the table the request reads is gone, which no input can cause.
            await connection.ExecuteAsync("""ALTER TABLE "AppointmentTypes" RENAME TO "AppointmentTypesLost";""");
        }

        broken.Logs.Clear();
        var problem = await (await admin.GetAsync("/api/appointment-types")).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        var traceId = problem["traceId"]!.GetValue<string>();
        var errors = broken.Logs.Entries.Where(e => e.Level >= LogLevel.Warning && !TestHostOnly.Contains(e.EventId.Name)).ToList();
        var error = errors.ShouldHaveSingleItem();
        error.Level.ShouldBe(LogLevel.Error);
        error.Message.ShouldContain(traceId);
        error.Exception.ShouldBeAssignableTo<DbException>(); // SqliteException or PostgresException, by provider
        problem.ToJsonString().ShouldNotContain("AppointmentTypes");
    }

    private static void ShouldHaveLoggedNoFault(IReadOnlyList<CapturedLogEntry> entries)
    {
        entries.Where(e => e.Level >= LogLevel.Warning && !TestHostOnly.Contains(e.EventId.Name)).Select(e => $"{e.Level} {e.Category}: {e.Message}").ShouldBeEmpty();
        entries.Where(e => e.Exception is not null || e.Message.Contains("   at ", StringComparison.Ordinal))
            .Select(e => $"{e.Level} {e.Category}: {e.Message}").ShouldBeEmpty("no stack trace");
    }

    /// <summary>The trace id part of the W3C trace context a problem document quotes (<c>00-{trace}-{span}-{flags}</c>).</summary>
    private static string TraceIdOf(JsonObject problem) => problem["traceId"]!.GetValue<string>().Split('-')[1];

    private static HttpRequestMessage Stale(JsonObject settings, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/clinic/settings") { Content = JsonContent.Create(settings) };
        stale.Headers.IfMatch.Add(etag);
        return stale;
    }
}
