using System.Security.Claims;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Infrastructure.Telehealth;

/// <summary>The <c>Telehealth</c> configuration section.</summary>
public sealed class TelehealthOptions
{
    public const string SectionName = "Telehealth";

    /// <summary>Rooms are <c>{BaseUrl}/{roomId}?token=…</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://video.clinichip.example/rooms");
}

/// <summary>
/// The default video provider: a room link on the configured base URL carrying a signed, expiring token that
/// names the room and the participant's role, for a video service that verifies it (audience
/// <see cref="Audience"/>, the API's signing key).
/// </summary>
internal sealed class SignedLinkTelehealthRooms(IOptions<TelehealthOptions> options, SigningKey signingKey, IOptions<JwtOptions> jwt, TimeProvider clock)
    : ITelehealthRooms
{
    public const string Audience = "clinichip-telehealth";

    public Uri JoinUrl(Guid roomId, TelehealthParticipant participant, DateTime expiresAtUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expiresAtUtc,
            Subject = new ClaimsIdentity([new Claim("room", roomId.ToString()), new Claim("participant", participant.ToString().ToLowerInvariant())]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SigningKey.Algorithm),
        });
        var baseUrl = options.Value.BaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/{roomId}?participant={participant.ToString().ToLowerInvariant()}&token={token}");
    }
}
