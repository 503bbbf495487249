using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static ClinicHip.Api.IntegrationTests.Fhir.BulkExports;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>
/// FHIR Bulk Data export through HTTP with real tokens: kick-off, status, manifest, NDJSON files validated line by line
/// against R4, cancellation, and who may do it (docs/decisions/0033).
/// </summary>
public class FhirBulkExportTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<HttpClient> ClientAsync(HttpClient admin, string smartScope, params string[] scopes)
    {
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, scopes);
        return await TokenAsync(id, secret, smartScope);
    }

    private async Task<HttpClient> TokenAsync(Guid id, string secret, string scope)
    {
        var response = await factory.CreateClient().RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", id.ToString()), ("client_secret", secret), ("scope", scope));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return factory.CreateClient().WithBearer((await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_AsAdmin_RunsToCompletion_WithAManifestOfValidNdjsonFilesPerType()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(
            await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(5, 10))));

        var kickoff = await KickoffAsync(scenario.Admin, "/fhir/$export");
        var accepted = await FhirAsync<OperationOutcome>(kickoff, HttpStatusCode.Accepted);
        accepted.Issue.ShouldHaveSingleItem().Severity.ShouldBe(OperationOutcome.IssueSeverity.Information);
        var statusUrl = kickoff.Content.Headers.ContentLocation.ShouldNotBeNull().ToString();
        statusUrl.ShouldStartWith($"{ClinicApiFactory.PublicBaseUrl}/fhir/$export-status/");

        var manifest = await ManifestAsync(scenario.Admin, statusUrl);
        manifest["requiresAccessToken"]!.GetValue<bool>().ShouldBeTrue();
        manifest["request"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/fhir/$export");
        DateTimeOffset.Parse(manifest["transactionTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        manifest["error"]!.AsArray().ShouldBeEmpty();
        var outputs = Outputs(manifest);
        outputs.Select(o => o.Type).Distinct().ShouldBe(["Patient", "Practitioner", "Schedule", "Appointment"]);

        var byType = new Dictionary<string, List<Resource>>();
        foreach (var (type, url, count) in outputs)
        {
            url.ShouldStartWith($"{ClinicApiFactory.PublicBaseUrl}/fhir/$export-file/");
            var resources = await DownloadAsync(scenario.Admin, url, type);
            resources.Count.ShouldBe(count);
            byType[type] = resources;
        }

        byType["Patient"].Select(p => p.Id).ShouldContain(profile.Id.ToString());
        byType["Patient"].Select(p => p.Id).ShouldBeUnique();
        byType["Practitioner"].Select(p => p.Id).ShouldContain(scenario.ClinicianId.ToString());
        byType["Schedule"].Select(p => p.Id).ShouldContain(scenario.ClinicianId.ToString());
        var appointment = byType["Appointment"].Cast<Appointment>().Single(a => a.Id == booked["id"]!.GetValue<Guid>().ToString());
        appointment.Participant.Select(p => p.Actor!.Reference).ShouldContain($"Patient/{profile.Id}");
    }

    [Fact]
    public async Task Export_WithTypeAndSince_HoldsOnlyThoseTypesCreatedOrChangedSince()
    {
        var admin = await factory.AdminClientAsync();
        var (_, before) = await factory.NewPatientClientAsync();
        await Task.Delay(50);
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var (_, after) = await factory.NewPatientClientAsync();

        var exported = await RunAsync(admin, $"/fhir/$export?_type=Patient&_since={since.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}&_outputFormat=application/fhir%2Bndjson");

        exported.Keys.ShouldBe(["Patient"]);
        var ids = exported["Patient"].Select(p => p.Id).ToList();
        ids.ShouldContain(after.Id.ToString());
        ids.ShouldNotContain(before.Id.ToString());

        var patientLevel = await RunAsync(admin, "/fhir/Patient/$export?_type=Patient,Appointment&_outputFormat=ndjson");
        patientLevel.Keys.ShouldBeSubsetOf(["Patient", "Appointment"]);
        patientLevel["Patient"].Select(p => p.Id).ShouldContain(before.Id.ToString());
    }

    [Theory]
    [InlineData("/fhir/$export?_type=Condition", "_type")]
    [InlineData("/fhir/$export?_type=Patient,Unknown", "_type")]
    [InlineData("/fhir/Patient/$export?_type=Practitioner", "_type")]
    [InlineData("/fhir/$export?_outputFormat=application/fhir%2Bjson", "_outputFormat")]
    [InlineData("/fhir/$export?_since=yesterday", "_since")]
    [InlineData("/fhir/$export?_since=2026-12-01", "_since")]
    [InlineData("/fhir/$export?_typeFilter=Patient%3Factive%3Dtrue", "_typeFilter")]
    public async Task Export_WithAnUnsupportedParameterOrValue_Answers400AndStartsNothing(string pathAndQuery, string parameter)
    {
        var admin = await factory.AdminClientAsync();

        var outcome = await OutcomeAsync(await KickoffAsync(admin, pathAndQuery), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);

        outcome.Issue.ShouldContain(i => i.Expression.Contains(parameter));
    }

    [Fact]
    public async Task Export_WithoutPreferRespondAsync_Answers400()
    {
        var admin = await factory.AdminClientAsync();

        var outcome = await OutcomeAsync(await KickoffAsync(admin, "/fhir/$export", respondAsync: false), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);

        outcome.Issue.ShouldContain(i => i.Expression.Contains("Prefer"));
    }

    [Fact]
    public async Task Export_AsPatientFrontDeskClinicianOrAnonymous_IsRefused()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        HttpClient[] refused = [patient, await scenario.FrontDeskAsync(factory), await scenario.ClinicianClientAsync(factory)];

        foreach (var caller in refused)
        {
            await OutcomeAsync(await KickoffAsync(caller, "/fhir/$export"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
            await OutcomeAsync(await KickoffAsync(caller, "/fhir/Patient/$export"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        }

        await OutcomeAsync(await KickoffAsync(factory.CreateClient(), "/fhir/$export"), HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
    }

    [Fact]
    public async Task Export_ByAClient_HoldsOnlyTheTypesItsSmartScopesCover_AndEachKickoffAndDownloadIsAudited()
    {
        var scenario = await CreateAsync(factory);
        var admin = scenario.Admin;
        var (patient, _) = await factory.NewPatientClientAsync();
        await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(4, 11))));
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, "patients:read", "appointments:read");
        var patientsOnly = await TokenAsync(id, secret, "system/Patient.rs");

        var exported = await RunAsync(patientsOnly, "/fhir/$export");

        exported.Keys.ShouldBe(["Patient"]);
        await OutcomeAsync(await KickoffAsync(patientsOnly, "/fhir/$export?_type=Appointment"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        var withoutSmart = await TokenAsync(id, secret, "patients:read appointments:read");
        await OutcomeAsync(await KickoffAsync(withoutSmart, "/fhir/$export"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        var everything = await RunAsync(await TokenAsync(id, secret, "system/*.read"), "/fhir/Patient/$export");
        everything.Keys.ShouldBe(["Patient", "Appointment"], ignoreOrder: true);

        var trail = (await admin.GetFromJsonAsync<JsonObject>($"/api/audit?clientId={id}&pageSize=200"))!["items"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var kickoffs = trail.Where(r => r["action"]!.GetValue<string>() is "FhirBulkExport" or "FhirPatientBulkExport" && r["outcome"]!.GetValue<string>() == "Success").ToList();
        kickoffs.Select(r => r["queryKind"]!.GetValue<string>()).ShouldBe(["Patient", "Patient,Appointment"], ignoreOrder: true);
        kickoffs.ShouldAllBe(r => r["resourceType"]!.GetValue<string>() == "BulkExport");
        trail.Count(r => r["action"]!.GetValue<string>() is "FhirBulkExport" or "FhirPatientBulkExport" && r["statusCode"]!.GetValue<int>() == 403).ShouldBe(2);
        var downloads = trail.Where(r => r["action"]!.GetValue<string>() == "FhirBulkExportFile").ToList();
        downloads.Count.ShouldBe(1 + everything.Count);
        downloads.ShouldContain(r => r["queryKind"]!.GetValue<string>() == "Patient" && r["rowsShown"]!.GetValue<int>() == exported["Patient"].Count);
    }

    [Fact]
    public async Task ExportStatus_IsItsRequestersOrAnAdministrators_AndDeleteCancelsAndRemovesTheFiles()
    {
        await factory.NewPatientClientAsync(); // the export must have a file to refuse to strangers, whatever ran before
        var admin = await factory.AdminClientAsync();
        var requester = await ClientAsync(admin, "system/Patient.rs", "patients:read");
        var stranger = await ClientAsync(admin, "system/Patient.rs", "patients:read");
        var statusUrl = await StartAsync(requester, "/fhir/$export");
        var statusPath = new Uri(statusUrl).PathAndQuery;

        await OutcomeAsync(await stranger.GetAsync(statusPath), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await stranger.DeleteAsync(statusPath), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        var manifest = await ManifestAsync(requester, statusUrl);
        (await admin.GetAsync(statusPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var file = new Uri(Outputs(manifest)[0].Url).PathAndQuery;
        await OutcomeAsync(await stranger.GetAsync(file), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        (await requester.GetAsync(file)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var jobId = statusPath.Split('/')[^1];
        Directory.Exists(Path.Combine(factory.ExportDirectory, Guid.Parse(jobId).ToString("N"))).ShouldBeTrue();

        (await requester.DeleteAsync(statusPath)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        Directory.Exists(Path.Combine(factory.ExportDirectory, Guid.Parse(jobId).ToString("N"))).ShouldBeFalse();
        await OutcomeAsync(await requester.GetAsync(statusPath), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await requester.GetAsync(file), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await requester.DeleteAsync(statusPath), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await requester.GetAsync($"/fhir/$export-status/{Guid.NewGuid()}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }

    [Fact]
    public async Task ExportFile_WithANameThatIsNotOneOfTheJobsFiles_Answers404()
    {
        var admin = await factory.AdminClientAsync();
        var statusUrl = await StartAsync(admin, "/fhir/$export?_type=Practitioner");
        await ManifestAsync(admin, statusUrl);
        var jobId = new Uri(statusUrl).Segments[^1];

        foreach (var name in new[] { "Patient-1.ndjson", "..%2F..%2Fclinichip.db", "Practitioner-1.json" })
        {
            await OutcomeAsync(await admin.GetAsync($"/fhir/$export-file/{jobId}/{name}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        }
    }
}
