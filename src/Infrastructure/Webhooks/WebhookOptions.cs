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
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
