using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.OpenApi;
using Hl7.Fhir.Model;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// Bounds everywhere: the ends of the calendar and of int are sent to every GET operation of the REST contract and to
/// every search and operation of the FHIR CapabilityStatement, by every kind of caller, one parameter at a time (so a 400
/// for one cannot hide a 500 for another). Each answer is 2xx or 4xx; a 5xx is a bug.
/// </summary>
public class BoundsEnumerationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly string[] Dates = ["0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"];

    private static readonly string[] Instants =
        ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00"];

    private static readonly string[] Integers = ["2147483647", "-2147483648", "0", "2147483648"];

    private static readonly string[] FhirDates =
        [.. Dates, .. Dates.Select(d => $"le{d}"), .. Dates.Select(d => $"gt{d}"), "ge0001-01-01", "lt9999-12-31T23:59:59Z", "gt0001-01-01T00:00:00Z", "eq9999-12-31T23:59:59Z"];

    private static readonly string[] FhirPages = ["_page=2147483647", "_page=2147483648", "_page=100001", "_page=0", "_count=2147483647", "_count=0"];

    [Fact]
    public async Task EveryRestGet_WithCalendarEndsAndIntegerEnds_AnswersWithoutServerError()
    {
        var (callers, ids) = await CallersAsync();
        var operations = SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory)).Where(o => o.Method == "get").ToList();

        var urls = operations.SelectMany(o => ExtremeUrls(o, ids)).ToList();
        var failures = await ServerErrorsAsync(callers, urls);

        // Every bounded parameter kind of the contract is reached: dates, instants and page numbers.
        urls.ShouldContain(u => u.StartsWith("/api/diary?", StringComparison.Ordinal) && u.Contains("date=9999-12-31", StringComparison.Ordinal));
        urls.ShouldContain(u => u.StartsWith("/api/patients?", StringComparison.Ordinal) && u.Contains("page=2147483647", StringComparison.Ordinal));
        urls.ShouldContain(u => u.StartsWith("/api/appointments?", StringComparison.Ordinal) && u.Contains("updatedSince=9999-12-31T23", StringComparison.Ordinal));
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryFhirSearchAndOperation_WithCalendarEndsAndIntegerEnds_AnswersWithoutServerError()
    {
        var (callers, ids) = await CallersAsync();
        var statement = await FhirAsync<CapabilityStatement>(await factory.CreateClient().GetAsync("/fhir/metadata"));
        var rest = statement.Rest.ShouldHaveSingleItem();

        List<string> urls = [];
        foreach (var resource in rest.Resource.Where(r => r.Interaction.Any(i => i.Code == CapabilityStatement.TypeRestfulInteraction.SearchType)))
        {
            var baseline = FhirBaseline(resource, ids);
            var path = $"/fhir/{resource.Type}";
            urls.AddRange(FhirPages.Select(p => Url(path, baseline.Append(p))));
            foreach (var date in resource.SearchParam.Where(p => p.Type == SearchParamType.Date).Select(p => p.Name))
            {
                urls.AddRange(FhirDates.Select(v => Url(path, baseline.Where(b => !b.StartsWith(date + "=", StringComparison.Ordinal)).Append($"{date}={Uri.EscapeDataString(v)}"))));
            }
        }

        foreach (var operation in rest.Resource.SelectMany(r => r.Operation.Select(o => (r.Type, o.Name))).Concat(rest.Operation.Select(o => ((string?)null, o.Name))))
        {
            var path = operation switch
            {
                (null, var name) => $"/fhir/${name}",
                (var type, "export") => $"/fhir/{type}/$export",
                (var type, var name) => $"/fhir/{type}/{ids.Patient}/${name}",
            };
            urls.AddRange(operation.Name == "export"
                ? Instants.Select(v => Url(path, [$"_since={Uri.EscapeDataString(v)}"]))
                : FhirPages.Select(p => Url(path, [p])));
        }

        var failures = await ServerErrorsAsync(callers, urls, request => request.Headers.Add("Prefer", "respond-async"));

        urls.ShouldContain("/fhir/Patient?birthdate=9999-12-31");
        urls.ShouldContain(u => u.StartsWith("/fhir/Appointment?", StringComparison.Ordinal) && u.EndsWith("date=le9999-12-31", StringComparison.Ordinal));
        urls.ShouldContain(u => u.StartsWith("/fhir/Condition?", StringComparison.Ordinal) && u.EndsWith("_page=2147483647", StringComparison.Ordinal));
        urls.ShouldContain(u => u.Contains("/$everything?_page=2147483647", StringComparison.Ordinal));
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/diary?date=9999-12-31")]
    [InlineData("/api/diary?date=0001-01-02")]
    [InlineData("/api/patients?search=a&page=2147483647")]
    [InlineData("/api/patients?dateOfBirth=9999-12-31")]
    [InlineData("/api/waitlist?page=2147483647")]
    public async Task RestGet_OutsideTheBounds_Answers400(string url)
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        await (await frontDesk.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/fhir/Patient?_page=2147483647")]
    [InlineData("/fhir/Patient?birthdate=9999-12-31")]
    [InlineData("/fhir/Patient?_lastUpdated=lt9999-12-31T23:59:59Z")]
    [InlineData("/fhir/Appointment?date=le9999-12-31")]
    [InlineData("/fhir/Practitioner?_page=100001")]
    public async Task FhirSearch_OutsideTheBounds_Answers400(string url)
    {
        var admin = await factory.AdminClientAsync();

        await OutcomeAsync(await admin.GetAsync(url), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public async Task FhirSearch_PagePastTheEnd_AnswersAnEmptyPage()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var admin = scenario.Admin;

        var first = await FhirAsync<Bundle>(await admin.GetAsync("/fhir/Practitioner?_count=1"));
        var past = await FhirAsync<Bundle>(await admin.GetAsync($"/fhir/Practitioner?_count=1&_page={first.Total + 1}"));

        first.Entry.ShouldHaveSingleItem();
        past.Total.ShouldBe(first.Total);
        past.Entry.ShouldBeEmpty();
        Next(past).ShouldBeNull();
    }

    /// <summary>One of each kind of caller, and the ids their paths and required parameters name.</summary>
    private async Task<(List<(string Name, HttpClient Client)> Callers, Ids Ids)> CallersAsync()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var client = await factory.IntegrationClientAsync(scenario.Admin, IntegrationClients.AllScopes);
        List<(string, HttpClient)> callers =
        [
            ("Admin", scenario.Admin), ("FrontDesk", await scenario.FrontDeskAsync(factory)), ("Clinician", await scenario.ClinicianClientAsync(factory)),
            ("Patient", patient), ("Client", client.Client),
        ];
        return (callers, new Ids(profile.Id, scenario.ClinicianId, scenario.InitialAssessmentId));
    }

    private static async Task<List<string>> ServerErrorsAsync(
        List<(string Name, HttpClient Client)> callers, List<string> urls, Action<HttpRequestMessage>? prepare = null)
    {
        urls.ShouldNotBeEmpty();
        List<string> failures = [];
        foreach (var url in urls.Distinct())
        {
            foreach (var (name, client) in callers)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                prepare?.Invoke(request);
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{name} GET {url}: {(int)response.StatusCode}");
                }
            }
        }

        return failures;
    }

    /// <summary>The operation's URL once per extreme value of each date, instant and integer parameter, the others valid or absent.</summary>
    private static IEnumerable<string> ExtremeUrls(DocumentedOperation operation, Ids ids)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, @"\{(\w+)\}", m => ids.For(m.Groups[1].Value).ToString());
        var parameters = operation.Parameters.Where(p => p["in"]!.GetValue<string>() == "query")
            .Select(p => (Name: p["name"]!.GetValue<string>(), Kind: Kind(p["schema"]), Required: p["required"]?.GetValue<bool>() == true)).ToList();
        var baseline = parameters.Where(p => p.Required).ToDictionary(p => p.Name, p => Valid(p.Name, p.Kind, ids));
        foreach (var (name, kind, _) in parameters)
        {
            var extremes = kind switch
            {
                "date" => Dates,
                "date-time" => Instants,
                "integer" => Integers,
                _ => [],
            };
            foreach (var value in extremes)
            {
                yield return Url(path, baseline.Where(b => b.Key != name).Select(b => $"{b.Key}={Uri.EscapeDataString(b.Value)}")
                    .Append($"{name}={Uri.EscapeDataString(value)}"));
            }
        }
    }

    private static string Kind(JsonNode? schema) => (schema?["type"]?.GetValue<string>(), schema?["format"]?.GetValue<string>()) switch
    {
        ("string", "date") => "date",
        ("string", "date-time") => "date-time",
        ("string", "uuid") => "uuid",
        ("integer", _) => "integer",
        (var type, _) => type ?? "other",
    };

    /// <summary>A value the operation accepts, so that only the parameter under test is extreme.</summary>
    private static string Valid(string name, string kind, Ids ids) => kind switch
    {
        "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "date-time" => DateTimeOffset.UtcNow.AddDays(name == "to" ? 7 : 1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        "uuid" => ids.For(name).ToString(),
        "integer" => "1",
        "boolean" => "true",
        _ => "a",
    };

    /// <summary>The parameters a search needs to run at all: the patient, or (Slot) the service type and a window.</summary>
    private static List<string> FhirBaseline(CapabilityStatement.ResourceComponent resource, Ids ids)
    {
        List<string> baseline = [];
        if (resource.SearchParam.Any(p => p.Name == "patient"))
        {
            baseline.Add($"patient=Patient/{ids.Patient}");
        }

        if (resource.Type == "Slot")
        {
            baseline.Add($"service-type={ids.AppointmentType}");
            baseline.Add($"start=ge{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
            baseline.Add($"start=lt{DateTime.UtcNow.AddDays(8):yyyy-MM-dd}");
        }

        return baseline;
    }

    private static string Url(string path, IEnumerable<string> query) =>
        query.ToList() is { Count: > 0 } parameters ? $"{path}?{string.Join('&', parameters)}" : path;

    private sealed record Ids(Guid Patient, Guid Clinician, Guid AppointmentType)
    {
        public Guid For(string name) => name switch
        {
            _ when name.Contains("patient", StringComparison.OrdinalIgnoreCase) => Patient,
            _ when name.Contains("clinician", StringComparison.OrdinalIgnoreCase) => Clinician,
            _ when name.Contains("appointmentType", StringComparison.OrdinalIgnoreCase) => AppointmentType,
            _ when name.Contains("location", StringComparison.OrdinalIgnoreCase) => ClinicScenario.MainLocationId,
            _ => Guid.NewGuid(),
        };
    }
}
