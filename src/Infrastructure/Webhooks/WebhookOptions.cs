using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Infrastructure.Webhooks;

/// <summary>Where webhooks may go and how long a receiver gets to answer (<c>Webhooks:*</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Allows targets on private, loopback and link-local addresses (Development and tests only).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Allows plain http targets; when unset, only in Development.</summary>
    public bool? AllowHttpTargets { get; set; }

    /// <summary>How long one attempt may take, connection included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Webhooks:Timeout must be between {1} and {2}.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
