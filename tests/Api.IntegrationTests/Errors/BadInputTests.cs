using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Errors;

/// <summary>
/// Every POST and PUT of the OpenAPI document, for every role, with malformed bodies and with each top-level field of
/// a valid-shaped body replaced by hostile values: the answer is always a 4xx problem document (or a success for a
/// harmless value), never a 5xx, and no rejected request writes a row.
/// </summary>
public class BadInputTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly string[] WholeBodies = ["{", "[]", "null", "\"text\"", "{}", "{\"a\":1}", "12345678901234567890", "{\"x\":\"\\u0000\"}"];

    private static readonly JsonNode?[] HostileValues =
    [
        null, JsonValue.Create(""), JsonValue.Create(new string('x', 20_000)), JsonValue.Create(1e300), JsonValue.Create(-1),
        JsonValue.Create("'; DROP TABLE Patients;--"), JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("2026-13-45T25:61:00Z"),
        JsonValue.Create("Mars/Olympus_Mons"), JsonValue.Create("NotAThing"), new JsonArray(JsonValue.Create(1), null), new JsonObject { ["nested"] = null },
        JsonValue.Create(true), JsonValue.Create("9999-12-31T23:55Z"), JsonValue.Create("0001-01-01T00:00-14:00"),
    ];

    /// <summary>Dates at and past the ends of the calendar, and just outside the default bounds (2000-01-01 to 2100-12-31 UTC).</summary>
    private static readonly (string From, string To)[] CalendarEdges =
    [
        ("9999-12-31T23:55Z", "9999-12-31T23:59Z"), ("0001-01-01T00:00-14:00", "0001-01-02T00:00-14:00"),
        ("1999-12-31T23:00:00Z", "2000-01-01T01:00:00Z"), ("2101-01-01T00:00:00Z", "2101-01-02T00:00:00Z"),
    ];

    [Fact]
    public async Task EveryWriteEndpoint_AnswersBadInputWithA4xxProblem_NeverA5xx_AndWritesNothing()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var callers = new[] { scenario.Admin, await scenario.ClinicianClientAsync(factory), await scenario.FrontDeskAsync(factory), patient };
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var rowsBefore = await CountRowsAsync();

        var cases = 0;
        var serverErrors = new List<string>();
        var notProblems = new List<string>();
        foreach (var (path, method, schema) in WriteOperations(document))
        {
            var url = path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{patientId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{timeOffId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{interventionId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{deliveryId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            foreach (var body in Bodies(document, schema))
            {
                foreach (var caller in callers)
                {
                    cases++;
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    var response = await caller.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        serverErrors.Add($"{method} {path} {status} <- {Shorten(body)}");
                    }
                    else if (status >= 400 && !await IsProblemAsync(path, response))
                    {
                        notProblems.Add($"{method} {path} {status}");
                    }
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"Bad-input cases sent: {cases}; 5xx: {serverErrors.Count}");
        cases.ShouldBeGreaterThan(1000);
        serverErrors.ShouldBeEmpty();
        notProblems.ShouldBeEmpty();
        (await CountRowsAsync()).ShouldBe(rowsBefore);
    }

    [Fact]
    public async Task DateAndPageInputs_AtTheEndsOfTheCalendarOrPastTheLastPage_Answer400_AndWriteNothing()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(await scenario.Admin.PostAsJsonAsync("/api/appointments",
            ClinicScenario.Booking(scenario.ClinicianId, scenario.InitialAssessmentId, ClinicScenario.Local(3, 10), patientId: profile.Id)));
        var appointmentId = booked["id"]!.GetValue<Guid>();
        var rowsBefore = await CountRowsAsync();

        var answers = new List<(string Request, HttpResponseMessage Response)>();
        foreach (var (from, to) in CalendarEdges)
        {
            var edge = JsonNode.Parse($"\"{from}\"");
            var booking = JsonSerializer.SerializeToNode(ClinicScenario.Booking(scenario.ClinicianId, scenario.InitialAssessmentId, default, patientId: profile.Id))!;
            booking["start"] = edge!.DeepClone();
            answers.Add(($"book {from}", await scenario.Admin.PostAsync("/api/appointments", Json(booking))));
            answers.Add(($"reschedule {from}", await scenario.Admin.PostAsync($"/api/appointments/{appointmentId}/reschedule", Json(new JsonObject { ["start"] = edge.DeepClone() }))));
            answers.Add(($"time off {from}", await scenario.Admin.PostAsync($"/api/clinicians/{scenario.ClinicianId}/time-off",
                Json(new JsonObject { ["start"] = edge.DeepClone(), ["end"] = JsonValue.Create(to) }))));
            var window = $"from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
            answers.Add(($"availability {from}", await patient.GetAsync($"/api/availability?appointmentTypeId={scenario.InitialAssessmentId}&{window}")));
            answers.Add(($"appointments {from}", await scenario.Admin.GetAsync($"/api/appointments?{window}")));
            answers.Add(($"audit {from}", await scenario.Admin.GetAsync($"/api/audit?{window}")));
        }

        foreach (var page in new[] { "10737420", "100001", int.MaxValue.ToString(CultureInfo.InvariantCulture) })
        {
            answers.Add(($"audit page {page}", await scenario.Admin.GetAsync($"/api/audit?page={page}&pageSize=200")));
            answers.Add(($"appointments page {page}", await scenario.Admin.GetAsync($"/api/appointments?page={page}&pageSize=200")));
        }

        answers.Where(a => a.Response.StatusCode != HttpStatusCode.BadRequest || a.Response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            .Select(a => $"{a.Request}: {(int)a.Response.StatusCode}").ShouldBeEmpty();
        (await CountRowsAsync()).ShouldBe(rowsBefore);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>
    /// A problem document; the OAuth token endpoint answers RFC 6749's application/json errors, which must carry the
    /// problem members too (docs/decisions/0009).
    /// </summary>
    private static async Task<bool> IsProblemAsync(string path, HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (path != "/api/auth/client-token" || mediaType != "application/json")
        {
            return mediaType == "application/problem+json";
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return body["error"] is not null && body["type"] is not null && body["status"]?.GetValue<int>() == (int)response.StatusCode && body["traceId"] is not null;
    }

    private static IEnumerable<(string Path, string Method, JsonObject? Schema)> WriteOperations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => op.Key is "post" or "put")
            .Select(op => (Path: path.Key, Method: op.Key, Schema: op.Value!["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject)));

    /// <summary>Whole malformed bodies, then a valid-shaped body with each top-level field made hostile in turn.</summary>
    private static IEnumerable<string> Bodies(JsonObject document, JsonObject? schema)
    {
        foreach (var body in WholeBodies)
        {
            yield return body;
        }

        var properties = Resolve(document, schema)?["properties"]?.AsObject();
        if (properties is null)
        {
            yield break;
        }

        foreach (var property in properties.Select(p => p.Key))
        {
            foreach (var value in HostileValues)
            {
                var body = new JsonObject();
                foreach (var other in properties.Select(p => p.Key))
                {
                    body[other] = other == property ? value?.DeepClone() : JsonValue.Create("x");
                }

                yield return body.ToJsonString();
            }
        }
    }

    private static JsonObject? Resolve(JsonObject document, JsonObject? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference.Split('/')[^1]] as JsonObject
            : schema;

    private static string Shorten(string body) => body.Length > 120 ? body[..120] + "…" : body;

    private async Task<int> CountRowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Patients.CountAsync() + await db.Appointments.CountAsync() + await db.IntakeForms.CountAsync() + await db.Assessments.CountAsync()
            + await db.TreatmentPlans.CountAsync() + await db.OutcomeRecords.CountAsync() + await db.RunningLoadWeeks.CountAsync() + await db.StaffMembers.CountAsync()
            + await db.AppointmentTypes.CountAsync() + await db.TimeOff.CountAsync() + await db.IntegrationClients.CountAsync() + await db.WebhookSubscriptions.CountAsync() + await db.OutboxMessages.CountAsync();
    }
}
