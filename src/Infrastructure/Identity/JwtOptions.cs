using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string SectionName = "Jwt";

    /// <summary>The ECDSA P-256 private key that signs access tokens (PEM or base64 PKCS#8). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>During a key rollover, the key that signed until now: its tokens still validate until they expire.</summary>
    public string? PreviousSigningKey { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Jwt:Issuer must be set.")]
    public string Issuer { get; set; } = "ClinicHip";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Jwt:Audience must be set.")]
    public string Audience { get; set; } = "ClinicHip.Api";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Jwt:AccessTokenLifetime must be between {1} and {2}.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Jwt:RefreshTokenLifetime must be between {1} and {2}.")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Tolerance for clocks that disagree a little between issuer and validator.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Jwt:ClockSkew must be between {1} and {2}.")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an instance trusts the account state (security stamp, disabled) or a client's grants a token is checked against. The instance
    /// that changes an account forgets it at once; others end the account's tokens within this time. Zero checks every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Jwt:AccountStateCacheDuration must be between {1} and {2}.")]
    public TimeSpan AccountStateCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RefreshTokenLifetime <= AccessTokenLifetime)
        {
            yield return new ValidationResult("Jwt:RefreshTokenLifetime must be longer than Jwt:AccessTokenLifetime.", [nameof(RefreshTokenLifetime)]);
        }
    }
}
