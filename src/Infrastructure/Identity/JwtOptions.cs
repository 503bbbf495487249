namespace ClinicHip.Infrastructure.Identity;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>The ECDSA P-256 private key that signs access tokens (PEM or base64 PKCS#8). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>During a key rollover, the key that signed until now: its tokens still validate until they expire.</summary>
    public string? PreviousSigningKey { get; set; }

    public string Issuer { get; set; } = "ClinicHip";

    public string Audience { get; set; } = "ClinicHip.Api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Tolerance for clocks that disagree a little between issuer and validator.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an instance trusts the account state (security stamp, disabled) or a client's grants a token is checked against. The instance
    /// that changes an account forgets it at once; others end the account's tokens within this time. Zero checks every request.
    /// </summary>
    public TimeSpan AccountStateCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
