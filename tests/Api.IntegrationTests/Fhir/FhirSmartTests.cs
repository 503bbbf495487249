using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>SMART system scopes: advertised, asked for at the token endpoint, and standing for the ClinicHip scopes a client holds.</summary>
public class FhirSmartTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly string[] AppointmentsReadOnly = ["appointments:read"];

    private async Task<HttpResponseMessage> TokenAsync(Guid id, string secret, string scope) =>
        await factory.CreateClient().RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", id.ToString()), ("client_secret", secret), ("scope", scope));

    [Fact]
    public async Task SmartConfiguration_Anonymous_NamesTheTokenEndpointAtThePublicAddressAndTheSystemScopes()
    {
        var response = await factory.CreateClient().GetAsync("/fhir/.well-known/smart-configuration");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var configuration = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        configuration["token_endpoint"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/api/auth/client-token");
        configuration["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["client_credentials"]);
        configuration["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldContain("system/Patient.rs");
        configuration["scopes_supported"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldNotContain(s => s.Contains("Condition", StringComparison.Ordinal));

        var statement = await FhirAsync<CapabilityStatement>(await factory.CreateClient().GetAsync("/fhir/metadata"));
        statement.Rest[0].Security!.Service.SelectMany(s => s.Coding).Select(c => c.Code).ShouldContain("SMART-on-FHIR");
    }

    [Fact]
    public async Task ClientToken_WithASmartScope_ReadsWhatItStandsFor_AndNothingMore()
    {
        var scenario = await CreateAsync(factory);
        var (_, profile) = await factory.NewPatientClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(scenario.Admin, "patients:read", "appointments:read");

        var patientOnly = await TokenAsync(id, secret, "system/Patient.rs");
        patientOnly.StatusCode.ShouldBe(HttpStatusCode.OK, await patientOnly.Content.ReadAsStringAsync());
        var granted = (await patientOnly.Content.ReadFromJsonAsync<JsonObject>())!;
        granted["scope"]!.GetValue<string>().Split(' ').ShouldBe(["patients:read", "system/Patient.rs"], ignoreOrder: true);
        var client = factory.CreateClient().WithBearer(granted["access_token"]!.GetValue<string>());
        (await FhirAsync<Patient>(await client.GetAsync($"/fhir/Patient/{profile.Id}"))).Id.ShouldBe(profile.Id.ToString());
        var outOfScope = await client.GetAsync($"/fhir/Appointment?patient={profile.Id}");
        outOfScope.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"insufficient_scope\", scope=\"appointments:read\"");
        await OutcomeAsync(outOfScope, HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await OutcomeAsync(await client.GetAsync($"/fhir/Condition?patient={profile.Id}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);

        var everything = await TokenAsync(id, secret, "system/*.rs");
        var wide = (await everything.Content.ReadFromJsonAsync<JsonObject>())!;
        wide["scope"]!.GetValue<string>().Split(' ').ShouldBe(["appointments:read", "patients:read", "system/*.rs"], ignoreOrder: true);
        var wideClient = factory.CreateClient().WithBearer(wide["access_token"]!.GetValue<string>());
        (await wideClient.GetAsync($"/fhir/Appointment?patient={profile.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await TokenAsync(id, secret, "system/Condition.rs")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TokenAsync(id, secret, "system/Patient.cruds")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (narrow, narrowSecret) = await IntegrationClients.RegisterAsync(scenario.Admin, "appointments:read");
        var refused = await TokenAsync(narrow, narrowSecret, "system/Patient.rs");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task ClientToken_WithASmartScope_StopsWorking_WhenTheScopeItStandsForIsWithdrawn()
    {
        var scenario = await CreateAsync(factory);
        var (_, profile) = await factory.NewPatientClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(scenario.Admin, "patients:read", "appointments:read");
        var token = (await (await TokenAsync(id, secret, "system/Patient.rs")).Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        var client = factory.CreateClient().WithBearer(token);
        (await client.GetAsync($"/fhir/Patient/{profile.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await scenario.Admin.PutAsJsonAsync($"/api/integration-clients/{id}/scopes", new { scopes = AppointmentsReadOnly })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await OutcomeAsync(await client.GetAsync($"/fhir/Patient/{profile.Id}"), HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
    }
}
