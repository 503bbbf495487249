namespace ClinicHip.Infrastructure.Identity;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>At least 32 bytes (256 bits) for HMAC-SHA256. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "ClinicHip";

    public string Audience { get; set; } = "ClinicHip.Api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Tolerance for clocks that disagree a little between issuer and validator.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
