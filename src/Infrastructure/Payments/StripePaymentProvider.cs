using System.Globalization;
using ClinicHip.Application.Common.Interfaces;
using Stripe;
using Stripe.Checkout;

namespace ClinicHip.Infrastructure.Payments;

/// <summary>
/// Stripe's hosted Checkout for an invoice's balance, and Stripe's signed events read back (docs/decisions/0058). The
/// patient's card goes to Stripe's page only; ClinicHip keeps the session, payment intent and event ids.
/// </summary>
internal sealed class StripePaymentProvider(IStripeClient client, StripeOptions options, TimeProvider time) : IPaymentProvider
{
    /// <summary>The metadata key carrying ClinicHip's invoice id on the session and its payment intent.</summary>
    internal const string InvoiceIdMetadataKey = "invoice_id";

    private readonly SessionService sessions = new(client);

    public string Name => "stripe";

    public async Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invoiceId = request.InvoiceId.ToString();
        var metadata = new Dictionary<string, string> { [InvoiceIdMetadataKey] = invoiceId };
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = invoiceId,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata, Description = request.Description },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = request.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            SuccessUrl = request.SuccessUrl.AbsoluteUri,
            CancelUrl = request.CancelUrl.AbsoluteUri,
            ExpiresAt = DateTime.SpecifyKind(request.ExpiresAtUtc, DateTimeKind.Utc),
        };

        Session session;
        try
        {
            session = await sessions.CreateAsync(create, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
        }
        catch (StripeException exception)
        {
            // Stripe's error names its type and code, never the patient; the request itself is not repeated in the message.
            throw new PaymentProviderException(
                $"Stripe answered {(int)exception.HttpStatusCode} ({exception.StripeError?.Type}/{exception.StripeError?.Code}) to a checkout for invoice {invoiceId}.",
                exception);
        }

        if (session.Url is null || !Uri.TryCreate(session.Url, UriKind.Absolute, out var paymentUrl))
        {
            throw new PaymentProviderException($"Stripe's checkout session {session.Id} came back without a payment page address.");
        }

        return new CheckoutSession(session.Id, paymentUrl, DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc));
    }

    public ProviderPaymentEvent ReadWebhook(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new PaymentWebhookRejectedException("The Stripe-Signature header is missing.");
        }

        Event stripeEvent;
        try
        {
            // Verified against this clock, so a captured event replayed after the tolerance is refused like a forged one.
            stripeEvent = EventUtility.ConstructEvent(
                payload, signatureHeader, options.WebhookSecret, (long)options.WebhookTolerance.TotalSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (StripeException exception)
        {
            throw new PaymentWebhookRejectedException(exception.Message);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or Newtonsoft.Json.JsonException)
        {
            throw new PaymentWebhookRejectedException("The event is signed but is not a Stripe event.");
        }

        return Read(stripeEvent);
    }

    /// <summary>What a verified event means for ClinicHip, or <see cref="ProviderPaymentEventKind.Ignored"/>.</summary>
    private static ProviderPaymentEvent Read(Event stripeEvent)
    {
        var occurred = DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc);
        return (stripeEvent.Type, stripeEvent.Data?.Object) switch
        {
            // A card is paid on completion; a delayed method (a bank debit) completes unpaid and succeeds later.
            (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session { PaymentStatus: "paid" } session)
                when InvoiceIdOf(session.Metadata) is { } invoiceId => new ProviderPaymentEvent(
                    stripeEvent.Id, ProviderPaymentEventKind.CheckoutPaid, session.Id, session.PaymentIntentId, invoiceId,
                    session.AmountTotal ?? 0, CurrencyOf(session.Currency), occurred),

            // The charge carries the total refunded so far: applying it as "refunded up to" makes order and repeats harmless.
            (EventTypes.ChargeRefunded, Charge { PaymentIntentId: not null } charge) => new ProviderPaymentEvent(
                stripeEvent.Id, ProviderPaymentEventKind.Refunded, null, charge.PaymentIntentId, InvoiceIdOf(charge.Metadata),
                charge.AmountRefunded, CurrencyOf(charge.Currency), occurred),

            _ => new ProviderPaymentEvent(stripeEvent.Id, ProviderPaymentEventKind.Ignored, null, null, null, 0, string.Empty, occurred),
        };
    }

    private static Guid? InvoiceIdOf(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(InvoiceIdMetadataKey, out var value) && Guid.TryParse(value, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private static string CurrencyOf(string? currency) => currency?.ToUpperInvariant() ?? string.Empty;
}
