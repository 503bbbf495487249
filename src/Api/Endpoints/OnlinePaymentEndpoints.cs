using System.Text;
using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Billing.Online;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Card payment on the payment provider's page, and the provider's events (docs/billing.md, Paying online).</summary>
public static class OnlinePaymentEndpoints
{
    /// <summary>A provider's event is a few kilobytes; anything much larger is not one.</summary>
    public const int MaxEventBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapOnlinePaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/invoices/{id:guid}/checkout", StartCheckout).WithTags("Billing").Audited("Invoice")
            .RequireAuthorization(Policies.OnlinePayment).WithName("StartInvoiceCheckout").ProducesChangeProblems();

        // The provider signs its events instead of sending a token: the signature is the credential, checked before anything is read.
        app.MapPost("/payments/provider-events", ReceiveProviderEvent).WithTags("Billing").Audited("Payment").AllowAnonymous()
            .WithName("ReceivePaymentProviderEvent").ProducesChangeProblems();
        return app;
    }

    /// <summary>Pay an invoice online.</summary>
    /// <remarks>
    /// Opens the payment provider's hosted checkout for what the invoice still owes and answers its address: send the
    /// patient there. The card is typed on the provider's page, never into ClinicHip. Asked again while that page is open
    /// for the same balance, the same page is answered. The patient pays their own invoices; the front desk and
    /// administrators open one to send the link. Where the clinic takes no online payment, 422 payment.online-not-offered.
    /// </remarks>
    /// <response code="200">The checkout: its address, amount and expiry.</response>
    /// <response code="404">No such invoice, or one the caller may not see.</response>
    /// <response code="409">The invoice is a draft, paid or credited (invoice.nothing-to-pay).</response>
    /// <response code="422">The clinic takes no online payment (payment.online-not-offered).</response>
    /// <response code="502">The payment provider failed (payment.provider-unavailable): nothing was charged; try again.</response>
    public static async Task<Ok<InvoiceCheckoutDto>> StartCheckout(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new StartInvoiceCheckoutCommand(id), cancellationToken));

    /// <summary>Receive the payment provider's event.</summary>
    /// <remarks>
    /// The webhook endpoint to register with the payment provider (Stripe: `checkout.session.completed`,
    /// `checkout.session.async_payment_succeeded` and `charge.refunded`). The body is verified with the provider's own
    /// signature scheme (`Stripe-Signature`) and the endpoint's signing secret before anything in it is believed; an event
    /// signed longer ago than the tolerance is refused as a replay. A verified event is applied once: a paid checkout
    /// records an online payment settling its invoice (what the invoice no longer owes becomes credit), a refund made at
    /// the provider is recorded up to the total the provider reports. The same event again changes nothing; a refund that
    /// arrives before its payment is answered 409 so the provider delivers it again later. 404 where the clinic has no
    /// payment provider.
    /// </remarks>
    /// <response code="200">Applied, or known already: what it did.</response>
    /// <response code="400">Not signed with the endpoint's secret, signed too long ago, or not an event (payment.webhook-rejected); nothing applied.</response>
    /// <response code="404">The clinic takes no online payment.</response>
    /// <response code="409">A refund for a payment not recorded yet (payment.event-out-of-order): delivered again later.</response>
    public static async Task<Ok<ProviderEventOutcomeDto>> ReceiveProviderEvent(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var payload = await ReadBodyAsync(request, cancellationToken);
        var signature = request.Headers["Stripe-Signature"].FirstOrDefault();
        return TypedResults.Ok(await mediator.Send(new ApplyPaymentProviderWebhookCommand(payload, signature), cancellationToken));
    }

    /// <summary>The body exactly as sent (the signature covers its bytes), refused past <see cref="MaxEventBytes"/>.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxEventBytes)
        {
            throw new BadHttpRequestException("The event is larger than a payment provider's event can be.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxEventBytes)
            {
                throw new BadHttpRequestException("The event is larger than a payment provider's event can be.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
