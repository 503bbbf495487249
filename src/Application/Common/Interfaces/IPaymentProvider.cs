using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// An online card payment provider (Stripe in production). The patient enters their card on the provider's page; only
/// the provider's ids reach ClinicHip. With no provider configured, online payment is not offered.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The provider's name as stored beside its ids, e.g. <c>stripe</c>.</summary>
    string Name { get; }

    /// <summary>A hosted checkout for one invoice's balance; a repeat of the same request answers the same session.</summary>
    Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Verifies a webhook with the provider's own signature scheme and reads it. Throws
    /// <see cref="PaymentWebhookRejectedException"/> when the signature, its timestamp or the payload is not acceptable.
    /// </summary>
    ProviderPaymentEvent ReadWebhook(string payload, string? signatureHeader);
}

/// <summary>What a hosted checkout is for: one invoice's balance, in minor units of an ISO 4217 currency.</summary>
/// <param name="InvoiceId">The invoice, sent to the provider as metadata and read back from its events.</param>
/// <param name="InvoiceNumber">The invoice number the patient sees on the provider's page.</param>
/// <param name="AmountMinor">The amount to charge, in minor units (cents).</param>
/// <param name="Currency">ISO 4217, e.g. <c>AUD</c>.</param>
/// <param name="Description">What the patient sees on the provider's page: never clinical content.</param>
/// <param name="SuccessUrl">Where the provider sends the patient after paying.</param>
/// <param name="CancelUrl">Where the provider sends the patient who turns back.</param>
/// <param name="ExpiresAtUtc">
/// When the session stops taking payment (Stripe accepts 30 minutes to 24 hours ahead). Chosen by the caller and kept
/// with the key, because a repeat must be the same request field for field to be answered with the same session.
/// </param>
/// <param name="IdempotencyKey">Repeats of one request (same key, same fields) create one session.</param>
public sealed record CheckoutRequest(
    Guid InvoiceId, string InvoiceNumber, long AmountMinor, string Currency, string Description, Uri SuccessUrl, Uri CancelUrl,
    DateTime ExpiresAtUtc, string IdempotencyKey);

/// <summary>A hosted checkout the patient is sent to.</summary>
/// <param name="ProviderSessionId">The provider's id of the session.</param>
/// <param name="PaymentUrl">The provider's page.</param>
/// <param name="ExpiresAtUtc">When the session stops taking payment.</param>
public sealed record CheckoutSession(string ProviderSessionId, Uri PaymentUrl, DateTime ExpiresAtUtc);

/// <summary>What a provider's event means for ClinicHip.</summary>
public enum ProviderPaymentEventKind
{
    /// <summary>An event ClinicHip does not act on; acknowledged and ignored.</summary>
    Ignored,

    /// <summary>A checkout was paid.</summary>
    CheckoutPaid,

    /// <summary>
    /// A payment taken through the provider was refunded there, in part or whole. The event carries the total refunded
    /// of that payment so far, so applying it as "refunded up to this amount" is the same whatever the order or repeats.
    /// </summary>
    Refunded,
}

/// <summary>A verified provider event, reduced to what settles or refunds an invoice.</summary>
/// <param name="ProviderEventId">The provider's event id: an event is applied once, however often it arrives.</param>
/// <param name="Kind">What it means.</param>
/// <param name="ProviderSessionId">The checkout session, when the event is about one.</param>
/// <param name="ProviderPaymentId">The provider's payment (e.g. a payment intent), when known.</param>
/// <param name="InvoiceId">The invoice named in the session's metadata, when present.</param>
/// <param name="AmountMinor">The amount paid; for a refund, the total refunded of the payment so far; in minor units.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="OccurredAtUtc">When the provider says it happened.</param>
public sealed record ProviderPaymentEvent(
    string ProviderEventId, ProviderPaymentEventKind Kind, string? ProviderSessionId, string? ProviderPaymentId, Guid? InvoiceId,
    long AmountMinor, string Currency, DateTime OccurredAtUtc);

/// <summary>A provider webhook that failed verification: answered 400 and never applied.</summary>
public sealed class PaymentWebhookRejectedException(string reason)
    : ExpectedOutcomeException(ExpectedOutcome.InvalidRequest, "The payment provider's event was not accepted.", reason, "payment.webhook-rejected");
