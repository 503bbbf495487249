using System.Net;
using System.Security.Cryptography;
using System.Web;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Api.IntegrationTests.Auth;

/// <summary>The API mid-rollover: a new current key, and the previous one still validating.</summary>
public sealed class RolloverApiFactory : ClinicApiFactory
{
    public RolloverApiFactory() => Settings["Jwt:PreviousSigningKey"] = PreviousKey.ExportPkcs8PrivateKeyPem();

    public ECDsa PreviousKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        PreviousKey.Dispose();
    }
}

/// <summary>Public keys at /.well-known, enough for anyone to verify tokens; rollover of the access-token key.</summary>
public class KeySetTests(RolloverApiFactory factory) : IClassFixture<RolloverApiFactory>
{
    [Fact]
    public async Task AccessTokenKeySet_LetsAThirdPartyVerifyARealAccessToken_WithNoSecret()
    {
        var json = await factory.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var token = (await factory.CreateClient().SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken;

        // What a third party does with Microsoft.IdentityModel: the fetched key set, nothing else.
        var keySet = new JsonWebKeySet(json);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "ClinicHip",
            ValidAudience = "ClinicHip.Api",
            IssuerSigningKeys = keySet.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        new JsonWebToken(token).Kid.ShouldBe(ForgedTokens.KeyId(factory.AccessTokenKey));
        keySet.Keys.Select(k => k.Kid).ShouldBe([ForgedTokens.KeyId(factory.AccessTokenKey), ForgedTokens.KeyId(factory.PreviousKey)]);
        keySet.Keys.ShouldAllBe(k => k.Kty == "EC" && k.Alg == "ES256" && !k.HasPrivateKey && k.D == null);
    }

    [Fact]
    public async Task Rollover_TokenOfThePreviousKeyStillValidates_OneOfARemovedKeyDoesNot()
    {
        var signedIn = new JsonWebToken((await factory.CreateClient().SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var (subject, stamp) = (signedIn.Subject, signedIn.GetClaim("sstamp").Value);
        using var removed = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        (await MeStatusAsync(ForgedTokens.Forge(factory.PreviousKey, subject, DateTime.UtcNow.AddMinutes(10), stamp: stamp))).ShouldBe(HttpStatusCode.OK);
        (await MeStatusAsync(ForgedTokens.Forge(factory.AccessTokenKey, subject, DateTime.UtcNow.AddMinutes(10), stamp: stamp))).ShouldBe(HttpStatusCode.OK);
        (await MeStatusAsync(ForgedTokens.Forge(removed, subject, DateTime.UtcNow.AddMinutes(10), stamp: stamp))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TelehealthKeySet_VerifiesARoomToken_WhichTheApiRefuses()
    {
        var rooms = factory.Services.GetRequiredService<ITelehealthRooms>();
        var link = rooms.JoinUrl(Guid.CreateVersion7(), TelehealthParticipant.Clinician, DateTime.UtcNow.AddHours(1));
        var roomToken = HttpUtility.ParseQueryString(link.Query)["token"]!;
        var telehealthKeys = new JsonWebKeySet(await factory.CreateClient().GetStringAsync("/.well-known/telehealth-jwks.json"));
        var apiKeys = new JsonWebKeySet(await factory.CreateClient().GetStringAsync("/.well-known/jwks.json"));

        var asTheVideoServiceSeesIt = await new JsonWebTokenHandler().ValidateTokenAsync(roomToken, new TokenValidationParameters
        {
            ValidIssuer = "ClinicHip.Telehealth",
            ValidAudience = "clinichip-telehealth",
            IssuerSigningKeys = telehealthKeys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        asTheVideoServiceSeesIt.IsValid.ShouldBeTrue(asTheVideoServiceSeesIt.Exception?.Message);
        telehealthKeys.Keys.ShouldHaveSingleItem().Kid.ShouldBe(ForgedTokens.KeyId(factory.TelehealthKey));
        apiKeys.Keys.Select(k => k.Kid).ShouldNotContain(ForgedTokens.KeyId(factory.TelehealthKey));
        (await MeStatusAsync(roomToken)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpStatusCode> MeStatusAsync(string token) =>
        (await factory.CreateClient().WithBearer(token).GetAsync("/api/auth/me")).StatusCode;
}
