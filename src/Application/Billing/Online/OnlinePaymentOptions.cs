using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Application.Billing.Online;

/// <summary>Online payment, whichever provider takes it (<c>Payments:*</c>); the provider's own settings are under it.</summary>
public sealed class OnlinePaymentOptions : IValidatableObject
{
    public const string SectionName = "Payments";

    /// <summary>
    /// The clinic's page the provider sends the patient back to, with <c>invoice</c> and <c>result</c> (<c>paid</c> or
    /// <c>cancelled</c>) added to its query. Required once a provider is configured.
    /// </summary>
    public Uri? ReturnUrl { get; set; }

    /// <summary>How long a checkout takes payment (Stripe accepts 30 minutes to 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:30:00", "1.00:00:00", ErrorMessage = "Payments:CheckoutLifetime must be between {1} and {2}.")]
    public TimeSpan CheckoutLifetime { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReturnUrl is not null && (!ReturnUrl.IsAbsoluteUri || (ReturnUrl.Scheme != Uri.UriSchemeHttps && !ReturnUrl.IsLoopback)))
        {
            yield return new ValidationResult("Payments:ReturnUrl must be an absolute https address (plain http only on loopback).", [nameof(ReturnUrl)]);
        }
    }

    /// <summary>The return address for one invoice and outcome.</summary>
    public Uri ReturnTo(Guid invoiceId, string result)
    {
        var builder = new UriBuilder(ReturnUrl ?? throw new InvalidOperationException("Payments:ReturnUrl is not set."));
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length == 0 ? "" : query + "&") + $"invoice={invoiceId}&result={result}";
        return builder.Uri;
    }
}
