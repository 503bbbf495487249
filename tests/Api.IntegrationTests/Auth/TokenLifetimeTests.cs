using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Api.IntegrationTests.Auth;

/// <summary>
/// What a token signed with the real key still needs (docs/decisions/0045): a kid naming a current key and no longer a
/// life than the API issues; a closed record's login ends; refusals say expired or invalid and no more (RFC 6750).
/// </summary>
public class TokenLifetimeTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<(string Subject, string Stamp)> AdminAsync()
    {
        var token = new JsonWebToken((await factory.CreateClient().SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        return (token.Subject, token.GetClaim("sstamp").Value);
    }

    /// <summary>An Admin token signed with the API's own key, with the kid and lifetime given.</summary>
    private string Sign(string subject, string stamp, string? kid, TimeSpan lifetime, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "ClinicHip",
            Audience = "ClinicHip.Api",
            IssuedAt = until - lifetime,
            NotBefore = until - lifetime,
            Expires = until,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "Admin"), new Claim("sstamp", stamp)]),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(factory.AccessTokenKey) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private async Task<HttpResponseMessage> MeWith(string token) => await factory.CreateClient().WithBearer(token).GetAsync("/api/auth/me");

    [Fact]
    public async Task Me_WithTheRealKeyAndItsKidAndTheConfiguredLifetime_IsAccepted()
    {
        var (subject, stamp) = await AdminAsync();

        (await MeWith(Sign(subject, stamp, ForgedTokens.KeyId(factory.AccessTokenKey), TimeSpan.FromMinutes(15)))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-key")]
    public async Task Me_WithTheRealKeyButNoKidOrAnotherKid_Returns401InvalidToken(string? kid)
    {
        var (subject, stamp) = await AdminAsync();

        var response = await MeWith(Sign(subject, stamp, kid, TimeSpan.FromMinutes(15)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Parameter.ShouldBe("error=\"invalid_token\", error_description=\"The access token is invalid\"");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(60 * 24 * 365 * 10)]
    public async Task Me_WithTheRealKeyAndALongerLifetimeThanConfigured_Returns401(int minutes)
    {
        var (subject, stamp) = await AdminAsync();

        var response = await MeWith(Sign(subject, stamp, ForgedTokens.KeyId(factory.AccessTokenKey), TimeSpan.FromMinutes(minutes)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldHaveSingleItem().Parameter!.ShouldContain("error=\"invalid_token\"");
    }

    [Fact]
    public async Task Me_WithAnExpiredOrAForgedToken_SaysWhichInTheChallenge_AndNoTokenNamesNoError()
    {
        var (subject, stamp) = await AdminAsync();
        var kid = ForgedTokens.KeyId(factory.AccessTokenKey);
        var expired = Sign(subject, stamp, kid, TimeSpan.FromMinutes(15), DateTime.UtcNow.AddMinutes(-5));
        var forged = ForgedTokens.Forge(ECDsa.Create(ECCurve.NamedCurves.nistP256), subject, DateTime.UtcNow.AddMinutes(5), stamp: stamp);

        var expiredChallenge = (await MeWith(expired)).Headers.WwwAuthenticate.ShouldHaveSingleItem();
        var forgedChallenge = (await MeWith(forged)).Headers.WwwAuthenticate.ShouldHaveSingleItem();
        var anonymous = await factory.CreateClient().GetAsync("/api/auth/me");

        expiredChallenge.Scheme.ShouldBe("Bearer");
        expiredChallenge.Parameter.ShouldBe("error=\"invalid_token\", error_description=\"The access token expired\"");
        forgedChallenge.Parameter.ShouldBe("error=\"invalid_token\", error_description=\"The access token is invalid\"");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ShouldHaveSingleItem().ToString().ShouldBe("Bearer");
    }

    [Theory]
    [InlineData("archive")]
    [InlineData("date-of-death")]
    public async Task PatientSessions_WhenTheRecordIsArchivedOrADeathRecorded_End(string closing)
    {
        var patient = await factory.CreateClient().RegisterPatientAsync();
        var tokens = await factory.CreateClient().SignInAsync(patient.Email, ApiClientExtensions.PatientPassword);
        var admin = await factory.AdminClientAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await ApiClientExtensions.OkAsync(closing == "archive"
            ? await admin.PostAsync($"/api/patients/{patient.Id}/archive", null)
            : await admin.PostAsJsonAsync($"/api/patients/{patient.Id}/date-of-death", new { dateOfDeath = yesterday }));

        (await factory.CreateClient().WithBearer(tokens.AccessToken).GetAsync($"/api/patients/{patient.Id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PatientSignIn_AfterTheArchivedRecordIsRestored_WorksAgain()
    {
        var patient = await factory.CreateClient().RegisterPatientAsync();
        var admin = await factory.AdminClientAsync();
        await ApiClientExtensions.OkAsync(await admin.PostAsync($"/api/patients/{patient.Id}/archive", null));

        await ApiClientExtensions.OkAsync(await admin.PostAsync($"/api/patients/{patient.Id}/restore", null));

        (await factory.CreateClient().RequestTokenAsync(patient.Email, ApiClientExtensions.PatientPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ClientToken_WithAScopeNotGranted_AnswersInvalidScopeNamingIt()
    {
        var admin = await factory.AdminClientAsync();
        var (id, secret) = await IntegrationClients.RegisterAsync(admin, "appointments:read");

        var response = await factory.CreateClient().RequestTokenWithBasicAsync(
            id, secret, ("grant_type", "client_credentials"), ("scope", "appointments:read patients:read clinical:everything"));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().ShouldBe("invalid_scope");
        body["error_description"]!.GetValue<string>().ShouldBe("Unknown or not granted to this client: patients:read clinical:everything.");
    }
}
