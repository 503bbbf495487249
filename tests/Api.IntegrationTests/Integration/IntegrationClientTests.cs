using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Integration;

/// <summary>Integration clients: registration by administrators, the client credentials grant, scopes, revocation and auditing.</summary>
public class IntegrationClientTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly (string, string) ClientCredentials = ("grant_type", "client_credentials");
    private static readonly string[] ReadOnly = ["appointments:read"];
    private static readonly string[] UnknownScopeAmongKnown = ["appointments:read", "intake:read"];
    private static readonly string[] PatientsRead = ["patients:read"];

    [Fact]
    public async Task Register_ByAdmin_ShowsTheSecretOnce_AndKeepsOnlyItsHash()
    {
        var admin = await factory.AdminClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, "appointments:read", "patients:read");

        secret.Length.ShouldBeGreaterThanOrEqualTo(43, "256 random bits, base64url");
        var read = await ApiClientExtensions.OkAsync(await admin.GetAsync($"/api/integration-clients/{id}"));
        read["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["appointments:read", "patients:read"]);
        read.ToJsonString().ShouldNotContain(secret);
        (await admin.GetStringAsync("/api/integration-clients")).ShouldNotContain(secret);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().IntegrationClients.AsNoTracking().SingleAsync(c => c.Id == new Domain.Integration.IntegrationClientId(id));
        stored.SecretHash.ShouldBe(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
    }

    [Fact]
    public async Task Register_WithAnUnknownScope_Is400()
    {
        var admin = await factory.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/integration-clients", new { name = "Widget", scopes = UnknownScopeAmongKnown });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.ToJsonString().ShouldContain("Unknown scope");
    }

    [Fact]
    public async Task Register_ByFrontDeskOrByAClient_Is403()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var client = await factory.IntegrationClientAsync(scenario.Admin, IntegrationClients.AllScopes);

        foreach (var caller in new[] { frontDesk, client.Client })
        {
            (await caller.PostAsJsonAsync("/api/integration-clients", new { name = "Mine", scopes = PatientsRead })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.GetAsync("/api/integration-clients")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task ClientToken_WithBasicAuthentication_AnswersRfc6749Json_WithScopesAndClientId_AndNoRole()
    {
        var admin = await factory.AdminClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, "appointments:read", "appointments:write");

        var response = await factory.CreateClient().RequestTokenWithBasicAsync(id, secret, ClientCredentials);

        var body = await ApiClientExtensions.OkAsync(response);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        body["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        body["expires_in"]!.GetValue<int>().ShouldBe(900);
        body["scope"]!.GetValue<string>().ShouldBe("appointments:read appointments:write");
        body.ContainsKey("refresh_token").ShouldBeFalse();

        var claims = Payload(body["access_token"]!.GetValue<string>());
        claims["scope"]!.GetValue<string>().ShouldBe("appointments:read appointments:write");
        claims["client_id"]!.GetValue<string>().ShouldBe(id.ToString());
        claims["sub"]!.GetValue<string>().ShouldBe(id.ToString());
        claims.ContainsKey("role").ShouldBeFalse();
        claims.ContainsKey("email").ShouldBeFalse();
    }

    [Fact]
    public async Task ClientToken_WithAWrongSecret_Is401InvalidClient_AsForAnUnknownClient()
    {
        var admin = await factory.AdminClientAsync();
        var (id, _) = await IntegrationClients.RegisterAsync(admin, "appointments:read");
        var anonymous = factory.CreateClient();

        var wrongSecret = await anonymous.RequestTokenAsync(ClientCredentials, ("client_id", id.ToString()), ("client_secret", "not-the-secret"));
        var unknownClient = await anonymous.RequestTokenWithBasicAsync(Guid.NewGuid(), "whatever", ClientCredentials);

        foreach (var response in new[] { wrongSecret, unknownClient })
        {
            var error = await OAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Basic");
            error["error_description"]!.GetValue<string>().ShouldBe("Client authentication failed: the client id or secret is wrong, or the client was revoked.");
        }
    }

    [Fact]
    public async Task ClientToken_AskingForAScopeNotGranted_Is400InvalidScope()
    {
        var admin = await factory.AdminClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, "appointments:read");

        await OAuthErrorAsync(await factory.CreateClient().RequestTokenWithBasicAsync(id, secret, ClientCredentials, ("scope", "appointments:read patients:read")),
            HttpStatusCode.BadRequest, "invalid_scope");
        await OAuthErrorAsync(await factory.CreateClient().RequestTokenWithBasicAsync(id, secret, ClientCredentials, ("scope", "clinical:everything")),
            HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task ClientToken_WithAnotherGrantOrAMalformedRequest_AnswersTheOAuthError()
    {
        var admin = await factory.AdminClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, "appointments:read");
        var anonymous = factory.CreateClient();

        await OAuthErrorAsync(await anonymous.RequestTokenWithBasicAsync(id, secret, ("grant_type", "password")), HttpStatusCode.BadRequest, "unsupported_grant_type");
        await OAuthErrorAsync(await anonymous.RequestTokenWithBasicAsync(id, secret), HttpStatusCode.BadRequest, "invalid_request");
        await OAuthErrorAsync(await anonymous.PostAsync("/api/auth/client-token", null), HttpStatusCode.BadRequest, "invalid_request");
        await (await anonymous.PostAsJsonAsync("/api/auth/client-token", new { grant_type = "client_credentials", client_id = id, client_secret = secret }))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await OAuthErrorAsync(await anonymous.RequestTokenWithBasicAsync(id, secret, ClientCredentials, ("client_secret", secret)), HttpStatusCode.BadRequest, "invalid_request");
        await OAuthErrorAsync(await anonymous.RequestTokenAsync(ClientCredentials, ClientCredentials, ("client_id", id.ToString()), ("client_secret", secret)),
            HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task ReadScope_ListsAndGetsAppointments_ButCannotBook()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 10))));
        var reader = await factory.IntegrationClientAsync(scenario.Admin, "appointments:read");

        var list = await ApiClientExtensions.OkAsync(await reader.Client.GetAsync($"/api/appointments?patientId={profile.Id}"));
        list["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>().ShouldBe(booked["id"]!.GetValue<Guid>());
        (await reader.Client.GetAsync($"/api/appointments/{booked["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.Client.GetAsync($"/api/availability?appointmentTypeId={scenario.FollowUpId}&from={Local(6, 0):O}&to={Local(7, 0):O}".Replace("+", "%2B", StringComparison.Ordinal)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.Client.GetAsync("/api/clinicians")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await reader.Client.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 10), patientId: profile.Id));
        refused.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"insufficient_scope\", scope=\"appointments:write\"");
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["code"]!.GetValue<string>().ShouldBe("auth.insufficient-scope");
        problem["requiredScopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["appointments:write"]);
        (await reader.Client.PostAsJsonAsync($"/api/appointments/{booked["id"]}/cancel", new { reason = "Other" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.Client.GetAsync($"/api/patients/{profile.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Where no scope admits a client, the refusal says so and names none.
        var staffOnly = await reader.Client.GetAsync("/api/staff");
        staffOnly.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"insufficient_scope\"");
        (await staffOnly.ShouldBeProblemAsync(HttpStatusCode.Forbidden))["requiredScopes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteScope_BooksAndCancelsForAPatient_AndTheAuditNamesTheClient()
    {
        var scenario = await CreateAsync(factory);
        var profile = await factory.CreateClient().RegisterPatientAsync();
        var writer = await factory.IntegrationClientAsync(scenario.Admin, "appointments:write");

        var booked = await ApiClientExtensions.CreatedAsync(
            await writer.Client.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 11), patientId: profile.Id)));
        booked["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        (await writer.Client.PostAsJsonAsync($"/api/appointments/{booked["id"]}/cancel", new { reason = "Other" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Without patientId a client books for no one: it acts as the front desk does.
        (await writer.Client.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 14))))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var trail = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?clientId={writer.Id}"))!["items"]!.AsArray();
        var booking = trail.Single(r => r!["action"]!.GetValue<string>() == "BookAppointment" && r["outcome"]!.GetValue<string>() == "Success")!;
        booking["clientId"]!.GetValue<Guid>().ShouldBe(writer.Id);
        booking["userId"].ShouldBeNull();
        booking["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        trail.ShouldContain(r => r!["action"]!.GetValue<string>() == "CancelAppointment");
    }

    [Fact]
    public async Task RequestingASubsetOfScopes_GivesATokenWithOnlyThatSubset()
    {
        var scenario = await CreateAsync(factory);
        var profile = await factory.CreateClient().RegisterPatientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(scenario.Admin, IntegrationClients.AllScopes);

        var body = await ApiClientExtensions.OkAsync(await factory.CreateClient().RequestTokenWithBasicAsync(id, secret, ClientCredentials, ("scope", "appointments:read")));
        body["scope"]!.GetValue<string>().ShouldBe("appointments:read");
        var narrow = factory.CreateClient().WithBearer(body["access_token"]!.GetValue<string>());

        (await narrow.GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await narrow.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9), patientId: profile.Id)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoke_EndsTheClientsTokensAtOnce_AndRefusesNewOnes()
    {
        var admin = await factory.AdminClientAsync();
        var client = await factory.IntegrationClientAsync(admin, "appointments:read");
        (await client.Client.GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await ApiClientExtensions.OkAsync(await admin.PostAsync($"/api/integration-clients/{client.Id}/revoke", null));
        revoked["revokedAt"].ShouldNotBeNull();

        (await client.Client.GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await OAuthErrorAsync(await factory.CreateClient().RequestTokenWithBasicAsync(client.Id, client.Secret, ClientCredentials), HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task ChangeScopes_Narrowing_EndsTokensCarryingTheLostScopeAtOnce_AndLimitsNewTokens()
    {
        var admin = await factory.AdminClientAsync();
        var client = await factory.IntegrationClientAsync(admin, "appointments:read", "appointments:write");
        (await client.Client.GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var changed = await ApiClientExtensions.OkAsync(await admin.PutAsJsonAsync($"/api/integration-clients/{client.Id}/scopes", new { scopes = ReadOnly }));
        changed["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["appointments:read"]);

        (await client.Client.GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await OAuthErrorAsync(await factory.CreateClient().RequestTokenWithBasicAsync(client.Id, client.Secret, ClientCredentials, ("scope", "appointments:write")), HttpStatusCode.BadRequest, "invalid_scope");
        var renewed = await factory.CreateClient().RequestTokenWithBasicAsync(client.Id, client.Secret, ClientCredentials);
        var token = (await renewed.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        (await factory.CreateClient().WithBearer(token).GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangeScopes_ToNone_Is400AndChangesNothing()
    {
        var admin = await factory.AdminClientAsync();
        var client = await factory.IntegrationClientAsync(admin, "appointments:read");

        await (await admin.PutAsJsonAsync($"/api/integration-clients/{client.Id}/scopes", new { scopes = Array.Empty<string>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await client.Client.GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_AsAnIntegrationClient_AnswersItsIdNameAndScopes()
    {
        var admin = await factory.AdminClientAsync();
        var client = await factory.IntegrationClientAsync(admin, "appointments:read");

        var me = await ApiClientExtensions.OkAsync(await client.Client.GetAsync("/api/auth/me"));

        me["clientId"]!.GetValue<Guid>().ShouldBe(client.Id);
        me["clientName"]!.GetValue<string>().ShouldStartWith("Booking widget ");
        me["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["appointments:read"]);
        me["userId"].ShouldBeNull();
        me["roles"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Me_AsAUser_AnswersNoClientAndNoScopes()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        var me = await ApiClientExtensions.OkAsync(await patient.GetAsync("/api/auth/me"));

        me["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        me["clientId"].ShouldBeNull();
        me["scopes"]!.AsArray().ShouldBeEmpty();
    }

    /// <summary>
    /// Every /api endpoint of the OpenAPI document, called by a client holding every scope: only the scoped operations
    /// let it through (their answers may still be 400 or 404 for the random ids); all others, clinical records, audit,
    /// staff, intake and diaries included, answer 403.
    /// </summary>
    [Fact]
    public async Task AClientHoldingEveryScope_ReachesOnlyTheScopedOperations()
    {
        string[] scoped =
        [
            "GET /api/appointments", "GET /api/appointments/{id}", "POST /api/appointments", "POST /api/appointments/{id}/cancel",
            "POST /api/appointments/series", "GET /api/appointments/series/{id}",
            "POST /api/appointments/{id}/reschedule", "GET /api/availability", "GET /api/availability/by-clinician-day", "GET /api/appointment-types", "GET /api/clinicians",
            "GET /api/clinic/settings", "GET /api/locations", "GET /api/locations/{id}", "GET /api/patients/{id}", "GET /api/patients/{patientId}/appointments", "GET /api/auth/me",
            "POST /api/webhooks", "GET /api/webhooks", "GET /api/webhooks/{id}", "DELETE /api/webhooks/{id}", "GET /api/webhooks/{id}/deliveries",
            "POST /api/webhooks/{id}/deliveries/{deliveryId}/redeliver", "POST /api/patients/{patientId}/training-files",

            // billing:read and billing:write.
            "POST /api/invoices", "GET /api/invoices", "GET /api/invoices/{id}", "PATCH /api/invoices/{id}", "POST /api/invoices/{id}/issue",
            "POST /api/invoices/{id}/credit", "POST /api/invoices/{id}/checkout", "GET /api/invoices/{id}/pdf", "GET /api/invoices/{id}/credit-notes/{creditNoteId}/pdf",
            "POST /api/appointments/{id}/fee", "POST /api/appointments/{id}/fee-waiver", "POST /api/payments", "GET /api/payments", "GET /api/payments/{id}",
            "POST /api/payments/{id}/refunds", "GET /api/payments/{id}/receipt", "GET /api/billing/settings", "GET /api/billing/items", "GET /api/billing/concessions",
            "GET /api/billing/patients/{patientId}/account", "POST /api/billing/patients/{patientId}/payers", "PUT /api/billing/patients/{patientId}/billing-profile",
            "POST /api/billing/patients/{patientId}/packs", "GET /api/billing/patients/{patientId}/statement", "GET /api/billing/reports/takings",
            "GET /api/billing/reports/outstanding", "GET /api/billing/reports/revenue", "GET /api/billing/reports/export",
        ];
        string[] anonymous = ["POST /api/auth/register", "POST /api/auth/claim", "POST /api/auth/token", "POST /api/auth/refresh", "POST /api/auth/client-token", "GET /api/clinicians/{id}/calendar.ics",
            "POST /api/payments/provider-events", "GET /.well-known/jwks.json", "GET /.well-known/telehealth-jwks.json"];
        var admin = await factory.AdminClientAsync();
        var client = await factory.IntegrationClientAsync(admin, IntegrationClients.AllScopes);
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!["paths"]!.AsObject();

        var wrong = new List<string>();
        var reached = new List<string>();
        foreach (var (path, item) in document)
        {
            foreach (var method in item!.AsObject().Select(o => o.Key.ToUpperInvariant()))
            {
                var operation = $"{method} {path}";
                if (anonymous.Contains(operation))
                {
                    continue;
                }

                var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", _ => Guid.NewGuid().ToString());
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = JsonContent.Create(new { });
                }

                var status = (await client.Client.SendAsync(request)).StatusCode;
                var allowed = scoped.Contains(operation);
                if (allowed ? status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized : status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{operation}: {(int)status}");
                }

                if (allowed)
                {
                    reached.Add(operation);
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"Client reach: {reached.Count} scoped operations reached, every other refused");
        wrong.ShouldBeEmpty();
        reached.ShouldBe(scoped, ignoreOrder: true);
    }

    private static async Task<JsonObject> OAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(text)!.AsObject();
        body["error"]!.GetValue<string>().ShouldBe(error);
        body["error_description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body["type"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/problems/oauth.{error}");
        body["status"]!.GetValue<int>().ShouldBe((int)status);
        body["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return body;
    }

    private static JsonObject Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=')))!.AsObject();
    }
}
