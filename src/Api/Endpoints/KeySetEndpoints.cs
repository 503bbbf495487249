using ClinicHip.Infrastructure.Identity;
using ClinicHip.Infrastructure.Telehealth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>One public signing key, as RFC 7517 (JWK) and RFC 7518 §6.2 (EC keys) describe it.</summary>
/// <param name="Kty">Key type: <c>EC</c>.</param>
/// <param name="Crv">Curve: <c>P-256</c>.</param>
/// <param name="X">The public point's x coordinate, base64url.</param>
/// <param name="Y">The public point's y coordinate, base64url.</param>
/// <param name="Kid">Key id: the RFC 7638 thumbprint, matched against a token's <c>kid</c> header.</param>
/// <param name="Use">Public key use: <c>sig</c>.</param>
/// <param name="Alg">Algorithm: <c>ES256</c>.</param>
public sealed record PublicJsonWebKey(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg)
{
    internal static PublicJsonWebKey From(EcSigningKey key) => new("EC", "P-256", key.X, key.Y, key.KeyId, "sig", EcSigningKey.Algorithm);
}

/// <summary>A JSON Web Key Set (RFC 7517 §5): public keys only.</summary>
/// <param name="Keys">The keys, the one signing now first.</param>
public sealed record JsonWebKeySetDto(IReadOnlyList<PublicJsonWebKey> Keys);

/// <summary>The public halves of the signing keys, so others verify tokens without any shared secret (docs/decisions/0028).</summary>
public static class KeySetEndpoints
{
    public static IEndpointRouteBuilder MapKeySetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/.well-known").WithTags("Authentication").AllowAnonymous();
        group.MapGet("/jwks.json", AccessTokenKeySet).WithName("GetAccessTokenKeySet");
        group.MapGet("/telehealth-jwks.json", TelehealthKeySet).WithName("GetTelehealthKeySet");
        return app;
    }

    /// <summary>The public keys of access tokens.</summary>
    /// <remarks>
    /// Anyone may verify an access token with these (ES256; issuer and audience as configured, <c>ClinicHip</c> and
    /// <c>ClinicHip.Api</c> by default): match the token's <c>kid</c>. During a key rollover the previous key is listed
    /// too, until tokens it signed have expired. A verified token may still have been revoked: only the API knows that.
    /// </remarks>
    /// <response code="200">The key set.</response>
    public static Ok<JsonWebKeySetDto> AccessTokenKeySet(AccessTokenKeys keys, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return KeySet(response, keys.Published);
    }

    /// <summary>The public key of telehealth room tokens.</summary>
    /// <remarks>
    /// For the video service: room links carry an ES256 token with issuer <c>ClinicHip.Telehealth</c> (as configured),
    /// audience <c>clinichip-telehealth</c>, and the room and participant as claims. This key is not the API's: nothing
    /// signed with it is accepted by the API.
    /// </remarks>
    /// <response code="200">The key set.</response>
    public static Ok<JsonWebKeySetDto> TelehealthKeySet(TelehealthSigningKey key, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeySet(response, [key.Key]);
    }

    private static Ok<JsonWebKeySetDto> KeySet(HttpResponse response, IEnumerable<EcSigningKey> keys)
    {
        // Verifiers cache the set; an hour keeps a rollover's new key visible well before the old one is removed.
        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Ok(new JsonWebKeySetDto([.. keys.Select(PublicJsonWebKey.From)]));
    }
}
