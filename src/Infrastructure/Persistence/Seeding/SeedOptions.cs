using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>The <c>Bootstrap</c> section: the first administrator, created at start-up when no Admin exists.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    [EmailAddress(ErrorMessage = "Bootstrap:AdminEmail must be an email address.")]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

/// <summary>The <c>Seed</c> section.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Adds the demo clinic (see README): for trying the API, never for production.</summary>
    public bool Demo { get; set; }
}
