using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Infrastructure.Payments;

/// <summary>
/// Online card payment through Stripe (<c>Payments:Stripe:*</c>). Without a <see cref="SecretKey"/> online payment is
/// not offered; with one, every other setting is checked at start-up, so a wrong one stops the start with its name.
/// </summary>
public sealed class StripeOptions : IValidatableObject
{
    public const string SectionName = "Payments:Stripe";

    /// <summary>The secret or restricted API key (<c>sk_…</c> or <c>rk_…</c>); unset means online payment is not offered.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>): every event is verified with it.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API address; a local fake in tests.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>How old a signed event may be when it arrives: older ones are refused as replays.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a request that failed on the network is retried, with the same idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How long one request to Stripe may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>Checked again at start-up with the other options; registration already refused a wrong configured provider.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Problems().Select(problem => new ValidationResult(problem));

    /// <summary>What is wrong with a configured provider, one message per setting; empty when it can start.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsConfigured)
        {
            return problems;
        }

        if (!SecretKey!.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}:SecretKey must be a Stripe secret (sk_…) or restricted (rk_…) key; a publishable key (pk_…) cannot create a checkout.");
        }

        if (string.IsNullOrWhiteSpace(WebhookSecret) || !WebhookSecret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}:WebhookSecret must be the webhook endpoint's signing secret (whsec_…): without it no payment could be verified.");
        }

        if (!ApiBase.IsAbsoluteUri || (ApiBase.Scheme != Uri.UriSchemeHttps && !ApiBase.IsLoopback))
        {
            problems.Add($"{SectionName}:ApiBase must be an absolute https address (plain http only on loopback, for a local fake).");
        }

        if (WebhookTolerance <= TimeSpan.Zero || WebhookTolerance > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:WebhookTolerance must be more than zero and at most an hour (Stripe's default is 5 minutes).");
        }

        if (MaxNetworkRetries is < 0 or > 5)
        {
            problems.Add($"{SectionName}:MaxNetworkRetries must be between 0 and 5.");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(2))
        {
            problems.Add($"{SectionName}:RequestTimeout must be more than zero and at most 2 minutes.");
        }

        return problems;
    }
}
