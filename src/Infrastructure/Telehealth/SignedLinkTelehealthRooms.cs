using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Infrastructure.Telehealth;

/// <summary>The <c>Telehealth</c> configuration section.</summary>
public sealed class TelehealthOptions : IValidatableObject
{
    public const string SectionName = "Telehealth";

    /// <summary>Rooms are <c>{BaseUrl}/{roomId}?token=…</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://video.clinichip.example/rooms");

    /// <summary>The ECDSA P-256 private key of room tokens, never the API's own. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The room tokens' issuer, which the API's own tokens never carry.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Telehealth:Issuer must be set.")]
    public string Issuer { get; set; } = "ClinicHip.Telehealth";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not { IsAbsoluteUri: true } || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Telehealth:BaseUrl must be an absolute http or https address, e.g. https://video.clinic.example/rooms.", [nameof(BaseUrl)]);
        }
    }
}

/// <summary>
/// The default video provider: a room link on the configured base URL carrying a signed, expiring token that
/// names the room and the participant's role, for a video service that verifies it: issuer
/// <see cref="TelehealthOptions.Issuer"/>, audience <see cref="Audience"/>, ES256 with the telehealth key, whose public
/// half is at <c>/.well-known/telehealth-jwks.json</c>.
/// </summary>
internal sealed class SignedLinkTelehealthRooms(IOptions<TelehealthOptions> options, TelehealthSigningKey signingKey, TimeProvider clock)
    : ITelehealthRooms
{
    public const string Audience = "clinichip-telehealth";

    public Uri JoinUrl(Guid roomId, TelehealthParticipant participant, DateTime expiresAtUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expiresAtUtc,
            Subject = new ClaimsIdentity([new Claim("room", roomId.ToString()), new Claim("participant", participant.ToString().ToLowerInvariant())]),
            SigningCredentials = signingKey.Key.Credentials,
        });
        var baseUrl = options.Value.BaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/{roomId}?participant={participant.ToString().ToLowerInvariant()}&token={token}");
    }
}
