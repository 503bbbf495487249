using System.Globalization;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>
/// The Stripe adapter as the API registers it, against a local fake of Stripe's HTTP API: checkouts are created as
/// Stripe expects them, and only events signed with the endpoint's secret, recently, are read.
/// </summary>
public sealed class StripePaymentProviderTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    private static readonly DateTime InAnHour = DateTime.UtcNow.AddHours(1);

    private IPaymentProvider Provider => factory.Services.GetRequiredService<IPaymentProvider>();

    [Fact]
    public async Task ReadWebhook_SignedWithAnotherSecret_IsRejected()
    {
        var session = await Provider.CreateCheckoutAsync(Request(Guid.NewGuid(), 6500), CancellationToken.None);
        var paid = factory.Stripe.PayCheckout(session.ProviderSessionId);
        var forged = factory.Stripe.Sign(paid.Payload, DateTimeOffset.UtcNow, secret: "whsec_not-the-endpoints-secret");

        Should.Throw<PaymentWebhookRejectedException>(() => Provider.ReadWebhook(forged.Payload, forged.Signature));
    }

    [Fact]
    public async Task ReadWebhook_PayloadChangedAfterSigning_IsRejected()
    {
        var session = await Provider.CreateCheckoutAsync(Request(Guid.NewGuid(), 6500), CancellationToken.None);
        var paid = factory.Stripe.PayCheckout(session.ProviderSessionId);
        var tampered = paid.Payload.Replace("\"amount_total\":6500", "\"amount_total\":650000", StringComparison.Ordinal);
        tampered.ShouldNotBe(paid.Payload);

        Should.Throw<PaymentWebhookRejectedException>(() => Provider.ReadWebhook(tampered, paid.Signature));
    }

    [Fact]
    public async Task ReadWebhook_SignedLongerAgoThanTheTolerance_IsRejectedAsAReplay()
    {
        var session = await Provider.CreateCheckoutAsync(Request(Guid.NewGuid(), 6500), CancellationToken.None);
        var captured = factory.Stripe.PayCheckout(session.ProviderSessionId, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        var rejected = Should.Throw<PaymentWebhookRejectedException>(() => Provider.ReadWebhook(captured.Payload, captured.Signature));
        rejected.Code.ShouldBe("payment.webhook-rejected");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t=1700000000")]
    [InlineData("v1=deadbeef")]
    public void ReadWebhook_MissingOrMalformedSignatureHeader_IsRejected(string? header)
    {
        var unrelated = factory.Stripe.Unrelated();

        Should.Throw<PaymentWebhookRejectedException>(() => Provider.ReadWebhook(unrelated.Payload, header));
    }

    [Fact]
    public void ReadWebhook_SignedButNotAnEvent_IsRejected()
    {
        var garbage = factory.Stripe.Sign("""{"id":"evt_1","object":"event","data":""", DateTimeOffset.UtcNow);

        Should.Throw<PaymentWebhookRejectedException>(() => Provider.ReadWebhook(garbage.Payload, garbage.Signature));
    }

    [Fact]
    public async Task CreateCheckout_ForAnInvoiceBalance_SendsAmountCurrencyInvoiceIdAndIdempotencyKey()
    {
        var invoiceId = Guid.NewGuid();
        var key = $"checkout-{invoiceId:N}-6500";

        var session = await Provider.CreateCheckoutAsync(Request(invoiceId, 6500, key), CancellationToken.None);

        var sent = factory.Stripe.Requests.Single(request => request.IdempotencyKey == key);
        session.ProviderSessionId.ShouldStartWith("cs_test_");
        session.PaymentUrl.AbsoluteUri.ShouldBe($"https://checkout.stripe.com/c/pay/{session.ProviderSessionId}");
        session.ExpiresAtUtc.ShouldBe(InAnHour, TimeSpan.FromSeconds(1));
        sent.Form["expires_at"].ShouldBe(new DateTimeOffset(InAnHour).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        sent.Form["mode"].ShouldBe("payment");
        sent.Form["line_items[0][price_data][unit_amount]"].ShouldBe("6500");
        sent.Form["line_items[0][price_data][currency]"].ShouldBe("aud");
        sent.Form["line_items[0][quantity]"].ShouldBe("1");
        sent.Form["line_items[0][price_data][product_data][name]"].ShouldBe("Invoice INV-000042");
        sent.Form["metadata[invoice_id]"].ShouldBe(invoiceId.ToString());
        sent.Form["payment_intent_data[metadata][invoice_id]"].ShouldBe(invoiceId.ToString());
        sent.Form["client_reference_id"].ShouldBe(invoiceId.ToString());
        sent.Form["success_url"].ShouldBe("https://app.clinic.test/invoices/paid");
    }

    [Fact]
    public async Task CreateCheckout_SameIdempotencyKeyTwice_AnswersTheSameSession()
    {
        var request = Request(Guid.NewGuid(), 12000);

        var first = await Provider.CreateCheckoutAsync(request, CancellationToken.None);
        var second = await Provider.CreateCheckoutAsync(request, CancellationToken.None);

        second.ProviderSessionId.ShouldBe(first.ProviderSessionId);
        factory.Stripe.Requests.Count(sent => sent.IdempotencyKey == request.IdempotencyKey).ShouldBe(2);
    }

    [Fact]
    public async Task CreateCheckout_KeyReusedForAnotherAmount_FailsAsStripeRefusesIt()
    {
        var first = Request(Guid.NewGuid(), 12000);
        await Provider.CreateCheckoutAsync(first, CancellationToken.None);

        var failure = await Should.ThrowAsync<PaymentProviderException>(
            () => Provider.CreateCheckoutAsync(first with { AmountMinor = 11000 }, CancellationToken.None));
        failure.Message.ShouldContain("idempotency_error");
    }

    [Fact]
    public async Task ReadWebhook_PaidCheckoutSignedWithTheEndpointSecret_IsCheckoutPaidForTheInvoice()
    {
        var invoiceId = Guid.NewGuid();
        var session = await Provider.CreateCheckoutAsync(Request(invoiceId, 6500), CancellationToken.None);
        var paid = factory.Stripe.PayCheckout(session.ProviderSessionId);

        var read = Provider.ReadWebhook(paid.Payload, paid.Signature);

        read.ProviderEventId.ShouldBe(paid.Id);
        read.Kind.ShouldBe(ProviderPaymentEventKind.CheckoutPaid);
        read.InvoiceId.ShouldBe(invoiceId);
        read.ProviderSessionId.ShouldBe(session.ProviderSessionId);
        read.ProviderPaymentId.ShouldNotBeNull().ShouldStartWith("pi_");
        read.AmountMinor.ShouldBe(6500);
        read.Currency.ShouldBe("AUD");
        read.OccurredAtUtc.ShouldBeInRange(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task ReadWebhook_TwoPartRefunds_EachCarriesTheTotalRefundedSoFar()
    {
        var session = await Provider.CreateCheckoutAsync(Request(Guid.NewGuid(), 6500), CancellationToken.None);
        var paid = factory.Stripe.PayCheckout(session.ProviderSessionId);
        var paymentId = Provider.ReadWebhook(paid.Payload, paid.Signature).ProviderPaymentId.ShouldNotBeNull();

        var first = factory.Stripe.Refund(paymentId, 1500, "AUD");
        var second = factory.Stripe.Refund(paymentId, 2000, "AUD");

        var readSecond = Provider.ReadWebhook(second.Payload, second.Signature);
        var readFirst = Provider.ReadWebhook(first.Payload, first.Signature);
        (readFirst.Kind, readFirst.ProviderPaymentId, readFirst.AmountMinor).ShouldBe((ProviderPaymentEventKind.Refunded, paymentId, 1500L));
        (readSecond.Kind, readSecond.ProviderPaymentId, readSecond.AmountMinor).ShouldBe((ProviderPaymentEventKind.Refunded, paymentId, 3500L));
    }

    [Fact]
    public void ReadWebhook_AnEventClinicHipDoesNotActOn_IsIgnored()
    {
        var unrelated = factory.Stripe.Unrelated();

        var read = Provider.ReadWebhook(unrelated.Payload, unrelated.Signature);

        (read.ProviderEventId, read.Kind, read.InvoiceId).ShouldBe((unrelated.Id, ProviderPaymentEventKind.Ignored, (Guid?)null));
    }

    private static CheckoutRequest Request(Guid invoiceId, long amountMinor, string? key = null) => new(
        invoiceId, "INV-000042", amountMinor, "AUD", "Invoice INV-000042", new Uri("https://app.clinic.test/invoices/paid"),
        new Uri("https://app.clinic.test/invoices/unpaid"), InAnHour, key ?? $"checkout-{invoiceId:N}-{amountMinor}");
}
