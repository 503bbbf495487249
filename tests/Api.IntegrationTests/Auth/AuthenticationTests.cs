using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Auth;

public class AuthenticationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Register_ThenToken_ThenMe_ReturnsThePatientsOwnAccount()
    {
        var client = factory.CreateClient();
        var email = $"jordan-{Guid.NewGuid():N}@example.com";

        var register = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email,
            password = ApiClientExtensions.PatientPassword,
            givenName = "Jordan",
            familyName = "Lee",
            dateOfBirth = "1991-03-14",
            phone = "+61 400 000 123",
        });
        register.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        register.Headers.Location.ShouldBeNull();
        (await register.Content.ReadFromJsonAsync<JsonObject>())!["email"]!.GetValue<string>().ShouldBe(email);

        var tokens = await client.SignInAsync(email, ApiClientExtensions.PatientPassword);
        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBe(900);
        tokens.RefreshToken.ShouldNotBeNullOrWhiteSpace();

        var me = await client.WithBearer(tokens.AccessToken).GetFromJsonAsync<JsonObject>("/api/auth/me");
        me!["email"]!.GetValue<string>().ShouldBe(email);
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["Patient"]);
        me["staffMemberId"].ShouldBeNull();
        var profile = await client.WithBearer(tokens.AccessToken).GetFromJsonAsync<PatientProfile>($"/api/patients/{me["patientId"]!.GetValue<Guid>()}", ApiClientExtensions.Json);
        profile!.Email.ShouldBe(email);
        profile.DateOfBirth.ShouldBe(new DateOnly(1991, 3, 14));
    }

    [Fact]
    public async Task Register_WithDateOfBirthInTheFuture_Returns422AndLeavesNoAccount()
    {
        var client = factory.CreateClient();
        var email = $"future-{Guid.NewGuid():N}@example.com";

        var response = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email, password = "long-enough-pass", givenName = "Fu", familyName = "Ture",
            dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("O", System.Globalization.CultureInfo.InvariantCulture), phone = "+61 400 000 000",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["code"]!.GetValue<string>().ShouldBe("patient.date-of-birth-implausible");
        (await client.RequestTokenAsync(email, "long-enough-pass")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Register_WithWeakPassword_Returns400OnPassword()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new
        {
            email = $"weak-{Guid.NewGuid():N}@example.com", password = "aaaaaaaaaa", givenName = "We", familyName = "Ak",
            dateOfBirth = "1990-01-01", phone = "+61 400 000 000",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["password"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Token_WithWrongPasswordOrUnknownEmail_AnswersTheSame401()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();

        var wrongPassword = await (await client.RequestTokenAsync(patient.Email, "not-the-password")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownEmail = await (await client.RequestTokenAsync($"nobody-{Guid.NewGuid():N}@example.com", "not-the-password"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        wrongPassword["detail"]!.GetValue<string>().ShouldBe(unknownEmail["detail"]!.GetValue<string>());
        wrongPassword["title"]!.GetValue<string>().ShouldBe(unknownEmail["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await client.RequestTokenAsync(patient.Email, "wrong-password-guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await client.RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword);
        await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_AfterLockout_LeavesExistingAccessAndRefreshTokensWorking()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();
        var tokens = await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await client.RequestTokenAsync(patient.Email, "wrong-password-guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await client.RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().WithBearer(tokens.AccessToken).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<Tokens>(ApiClientExtensions.Json))!;
        (await factory.CreateClient().WithBearer(renewed.AccessToken).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_AfterFiveWrongCurrentPasswords_LocksSignInAndRefusesTheRightOne()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();
        var signedIn = factory.CreateClient().WithBearer((await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword)).AccessToken);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await signedIn.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = $"wrong-guess-{attempt}", newPassword = "a-brand-new-passphrase" }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        var refused = await (await signedIn.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = ApiClientExtensions.PatientPassword, newPassword = "a-brand-new-passphrase" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused["errors"]!["currentPassword"].ShouldNotBeNull();
        (await client.RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await signedIn.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_AfterFourWrongPasswords_StillAcceptsTheRightOne()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            (await client.RequestTokenAsync(patient.Email, "wrong-password-guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await client.RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Me_WithoutToken_Returns401Problem() =>
        await (await factory.CreateClient().GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
}
