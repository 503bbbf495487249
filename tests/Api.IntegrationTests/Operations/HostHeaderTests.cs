using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Fhir;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// Absolute URLs come from one place: with PublicAddress:BaseUrl configured (as the tests' API is), a forged Host header
/// reaches none of the addresses the API hands out, REST or FHIR. (A change feed's Link header, built the same way, is
/// checked against the public address by ChangeFeedTests.)
/// </summary>
public class HostHeaderTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const string ForgedHost = "evil.example";

    private static async Task<HttpResponseMessage> ForgedAsync(HttpClient client, string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = ForgedHost;
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task FhirSearch_WithAForgedHost_LinksAndFullUrlsUseThePublicAddress()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        await scenario.AddClinicianAsync();

        var bundle = await FhirAsync<Bundle>(await ForgedAsync(scenario.Admin, "/fhir/Practitioner?_count=1"));

        var urls = bundle.Link.Select(l => l.Url).Concat(bundle.Entry.Select(e => e.FullUrl)).ToList();
        Next(bundle).ShouldNotBeNull();
        urls.ShouldAllBe(u => u != null && u.StartsWith($"{ClinicApiFactory.PublicBaseUrl}/fhir/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_WithAForgedHost_NamesThePublicAddress()
    {
        var statement = await FhirAsync<CapabilityStatement>(await ForgedAsync(factory.CreateClient(), "/fhir/metadata"));

        statement.Implementation.ShouldNotBeNull().Url.ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/fhir");
    }

    [Fact]
    public async Task SmartConfiguration_WithAForgedHost_NamesThePublicTokenEndpoint()
    {
        var configuration = await ApiClientExtensions.OkAsync(await ForgedAsync(factory.CreateClient(), "/fhir/.well-known/smart-configuration"));

        configuration["token_endpoint"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/api/auth/client-token");
    }

    [Fact]
    public async Task Export_WithAForgedHost_LocationRequestAndFilesUseThePublicAddress()
    {
        var admin = await factory.AdminClientAsync();

        var accepted = await ForgedAsync(admin, "/fhir/$export?_type=Practitioner", "respond-async");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var status = accepted.Content.Headers.ContentLocation.ShouldNotBeNull().ToString();
        var manifest = await BulkExports.ManifestAsync(admin, status);

        status.ShouldStartWith($"{ClinicApiFactory.PublicBaseUrl}/fhir/");
        manifest["request"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/fhir/$export?_type=Practitioner");
        BulkExports.Outputs(manifest).ShouldAllBe(o => o.Url.StartsWith($"{ClinicApiFactory.PublicBaseUrl}/fhir/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Problem_WithAForgedHost_TypeUsesThePublicAddress()
    {
        var admin = await factory.AdminClientAsync();

        var problem = await (await ForgedAsync(admin, "/api/patients?cursor=forged")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["type"]!.GetValue<string>().ShouldStartWith($"{ClinicApiFactory.PublicBaseUrl}/problems/");
    }

    [Fact]
    public async Task OpenApiDocument_WithAForgedHost_ServerAndTokenUrlUseThePublicAddress()
    {
        var document = JsonNode.Parse(await (await ForgedAsync(factory.CreateClient(), "/swagger/v1/swagger.json")).Content.ReadAsStringAsync())!;

        document["servers"]![0]!["url"]!.GetValue<string>().ShouldBe(ClinicApiFactory.PublicBaseUrl);
        document["components"]!["securitySchemes"]!["ClientCredentials"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>()
            .ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/api/auth/client-token");
    }

    [Fact]
    public async Task Development_WithNoPublicAddress_HandsOutTheAddressActuallyBound()
    {
        using var database = new TemporaryDatabase();
        var settings = database.ApiSettings();
        settings["ASPNETCORE_ENVIRONMENT"] = "Development";
        settings["Seed:Demo"] = "false";
        await using var api = await ApiProcess.StartAsync(settings);
        using var client = api.CreateClient();

        var configuration = (await client.GetFromJsonAsync<JsonObject>("/fhir/.well-known/smart-configuration"))!;
        var forged = await ApiClientExtensions.OkAsync(await ForgedAsync(client, "/fhir/.well-known/smart-configuration"));

        configuration["token_endpoint"]!.GetValue<string>().ShouldBe($"http://127.0.0.1:{api.BaseAddress.Port}/api/auth/client-token");
        forged["token_endpoint"]!.GetValue<string>().ShouldBe(configuration["token_endpoint"]!.GetValue<string>());
    }
}
