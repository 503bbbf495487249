using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>Tokens made outside the API, as whoever holds a key could make them.</summary>
public static class ForgedTokens
{
    /// <summary>The RFC 7638 thumbprint of the key, as a third party computes it: the <c>kid</c> the API gives the key.</summary>
    public static string KeyId(ECDsa key) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key)).ComputeJwkThumbprint());

    /// <summary>An Admin access token for <paramref name="subject"/>, ES256-signed with <paramref name="key"/> and its <c>kid</c>.</summary>
    public static string Forge(ECDsa key, string subject, DateTime expires, string issuer = "ClinicHip", string audience = "ClinicHip.Api", string? stamp = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "Admin"), new Claim("sstamp", stamp ?? "")]),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = KeyId(key) }, SecurityAlgorithms.EcdsaSha256),
        });
}
