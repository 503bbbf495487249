using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Api.IntegrationTests.Auth;

/// <summary>Only unexpired tokens that this API signed, for this API, get in.</summary>
public class AccessTokenValidationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<HttpStatusCode> MeStatusWith(string token) =>
        (await factory.CreateClient().WithBearer(token).GetAsync("/api/auth/me")).StatusCode;

    private async Task<(string Subject, string Stamp)> AdminAsync()
    {
        var token = new JsonWebToken((await factory.CreateClient().SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        return (token.Subject, token.GetClaim("sstamp").Value);
    }

    private async Task<string> AdminUserIdAsync() => (await AdminAsync()).Subject;

    private string Forge(string subject, DateTime expires, ECDsa? key = null, string issuer = "ClinicHip", string audience = "ClinicHip.Api", string? stamp = null) =>
        ForgedTokens.Forge(key ?? factory.AccessTokenKey, subject, expires, issuer, audience, stamp);

    [Theory]
    [InlineData("wrong-key", "The access token is invalid")]
    [InlineData("expired", "The access token expired")]
    public async Task Me_WithARefusedToken_AnswersInvalidToken_SayingOnlyExpiredOrInvalid(string fault, string description)
    {
        var (subject, stamp) = await AdminAsync();
        var token = fault == "expired"
            ? Forge(subject, DateTime.UtcNow.AddMinutes(-10), stamp: stamp)
            : Forge(subject, DateTime.UtcNow.AddMinutes(10), key: ECDsa.Create(ECCurve.NamedCurves.nistP256), stamp: stamp);

        var response = await factory.CreateClient().WithBearer(token).GetAsync("/api/auth/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ShouldHaveSingleItem();
        challenge.Scheme.ShouldBe("Bearer");
        challenge.Parameter.ShouldBe($"error=\"invalid_token\", error_description=\"{description}\"");
    }

    [Fact]
    public async Task Me_WithTokenSignedByTheApiKeyAndTheCurrentStamp_IsAccepted_WithAnOldStampIsNot()
    {
        var (subject, stamp) = await AdminAsync();

        (await MeStatusWith(Forge(subject, DateTime.UtcNow.AddMinutes(10), stamp: stamp))).ShouldBe(HttpStatusCode.OK);
        (await MeStatusWith(Forge(subject, DateTime.UtcNow.AddMinutes(10), stamp: "stale"))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithExpiredToken_Returns401() =>
        (await MeStatusWith(Forge(await AdminUserIdAsync(), DateTime.UtcNow.AddMinutes(-2)))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Me_WithTokenSignedByAnotherKey_Returns401()
    {
        var (subject, stamp) = await AdminAsync();

        (await MeStatusWith(Forge(subject, DateTime.UtcNow.AddMinutes(10), key: ECDsa.Create(ECCurve.NamedCurves.nistP256), stamp: stamp)))
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithTokenSignedByTheTelehealthKey_Returns401()
    {
        // What a video service holding the telehealth key could mint: an Admin token with the API's issuer and audience.
        var (subject, stamp) = await AdminAsync();

        (await MeStatusWith(Forge(subject, DateTime.UtcNow.AddMinutes(10), key: factory.TelehealthKey, stamp: stamp))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithARealTokenReSignedWithHs256_Returns401()
    {
        var token = (await factory.CreateClient().SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken;
        (await MeStatusWith(token)).ShouldBe(HttpStatusCode.OK);
        var payload = token.Split('.')[1];

        // A shared secret as the API used to take, and the public key itself (the algorithm-confusion attack).
        byte[][] secrets = [RandomNumberGenerator.GetBytes(48), factory.AccessTokenKey.ExportSubjectPublicKeyInfo()];
        foreach (var secret in secrets)
        {
            var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","kid":"{{new JsonWebToken(token).Kid}}","typ":"JWT"}""");
            var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{payload}")));

            (await MeStatusWith($"{header}.{payload}.{signature}")).ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Theory]
    [InlineData("SomeoneElse", "ClinicHip.Api")]
    [InlineData("ClinicHip", "AnotherApi")]
    public async Task Me_WithWrongIssuerOrAudience_Returns401(string issuer, string audience) =>
        (await MeStatusWith(Forge(await AdminUserIdAsync(), DateTime.UtcNow.AddMinutes(10), issuer: issuer, audience: audience)))
            .ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Me_WithTamperedPayload_Returns401()
    {
        var patient = await factory.CreateClient().RegisterPatientAsync();
        var token = (await factory.CreateClient().SignInAsync(patient.Email, ApiClientExtensions.PatientPassword)).AccessToken;
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"Patient\"", "\"Admin\"", StringComparison.Ordinal);
        payload.ShouldContain("\"Admin\"");

        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        (await MeStatusWith(tampered)).ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.CreateClient().WithBearer(tampered).GetAsync("/api/staff")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithUnsignedAlgNoneToken_Returns401()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"{{await AdminUserIdAsync()}}","role":"Admin","iss":"ClinicHip","aud":"ClinicHip.Api","exp":{{exp}}}""");

        (await MeStatusWith($"{header}.{payload}.")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WithGarbageToken_Returns401() => (await MeStatusWith("not.a.jwt")).ShouldBe(HttpStatusCode.Unauthorized);
}
