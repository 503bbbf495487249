using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Auth;

/// <summary>Tokens stop working at once when the password changes or the account is disabled.</summary>
public class TokenRevocationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task ChangePassword_EndsEveryEarlierToken_AndTheNewPasswordSignsIn()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();
        var tokens = await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword);
        var signedIn = factory.CreateClient().WithBearer(tokens.AccessToken);

        (await signedIn.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = ApiClientExtensions.PatientPassword, newPassword = "a-brand-new-passphrase" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await signedIn.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await client.RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.RequestTokenAsync(patient.Email, "a-brand-new-passphrase")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_Returns400OnCurrentPassword()
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        var problem = await (await patient.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = "not-my-password", newPassword = "a-brand-new-passphrase" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["currentPassword"].ShouldNotBeNull();
    }

    [Fact]
    public async Task DisableStaff_EndsTheirSessionsAndSignIn_EnableRestoresSignIn()
    {
        var admin = await factory.AdminClientAsync();
        var email = $"fd-{Guid.NewGuid():N}@clinic.example";
        var created = await admin.PostAsJsonAsync("/api/staff", new { email, password = "Staff-Passw0rd-123", givenName = "Riley", familyName = "Brooks", role = "FrontDesk" });
        var staffId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tokens = await factory.CreateClient().SignInAsync(email, "Staff-Passw0rd-123");
        var frontDesk = factory.CreateClient().WithBearer(tokens.AccessToken);
        (await frontDesk.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync($"/api/staff/{staffId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await frontDesk.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().RequestTokenAsync(email, "Staff-Passw0rd-123")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/staff/{staffId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.CreateClient().RequestTokenAsync(email, "Staff-Passw0rd-123")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disable_Self_Returns422_AsPatient403_Unknown404()
    {
        var admin = await factory.AdminClientAsync();
        var self = (await admin.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["staffMemberId"]!.GetValue<Guid>();
        var (patient, _) = await factory.NewPatientClientAsync();

        (await (await admin.PostAsync($"/api/staff/{self}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("staff.cannot-disable-self");
        await (await patient.PostAsync($"/api/staff/{self}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsync($"/api/staff/{Guid.NewGuid()}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
