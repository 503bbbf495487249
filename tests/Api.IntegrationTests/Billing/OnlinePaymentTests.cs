using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Billing;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>
/// Paying an invoice online, through the real Stripe adapter against the local fake of Stripe's API: who may open a
/// checkout, and the provider's events applied once whatever their order, repetition or signature.
/// </summary>
public sealed class OnlinePaymentTests(StripeApiFactory factory) : IClassFixture<StripeApiFactory>
{
    private const string Events = "/api/payments/provider-events";

    [Fact]
    public async Task StartCheckout_AnonymousClinicianOrAnotherPatient_IsRefusedAndOpensNothing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        var (otherPatient, _) = await factory.NewPatientClientAsync();
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var before = factory.Stripe.Requests.Count;

        (await factory.CreateClient().PostAsync($"/api/invoices/{invoice}/checkout", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await clinician.PostAsync($"/api/invoices/{invoice}/checkout", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await otherPatient.PostAsync($"/api/invoices/{invoice}/checkout", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        factory.Stripe.Requests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task StartCheckout_DraftOrPaidInvoice_IsRefused()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var draft = (await world.DraftSaleAsync())["id"]!.GetValue<Guid>();
        var paid = await IdAsync(world.IssuedSaleAsync());
        (await world.PayAsync(paid, 4400)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await world.Patient.PostAsync($"/api/invoices/{draft}/checkout", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await world.Desk.PostAsync($"/api/invoices/{draft}/checkout", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("invoice.nothing-to-pay");
        (await (await world.Patient.PostAsync($"/api/invoices/{paid}/checkout", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("invoice.nothing-to-pay");
    }

    [Fact]
    public async Task StartCheckout_PatientAskingTwice_GetsTheSamePageForTheBalance()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        (await world.PayAsync(invoice, 1000)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = factory.Stripe.Requests.Count;

        var first = await ApiClientExtensions.OkAsync(await world.Patient.PostAsync($"/api/invoices/{invoice}/checkout", null));
        var again = await ApiClientExtensions.OkAsync(await world.Patient.PostAsync($"/api/invoices/{invoice}/checkout", null));

        first["amountMinor"]!.GetValue<long>().ShouldBe(3400);
        first["currency"]!.GetValue<string>().ShouldBe("AUD");
        again["paymentUrl"]!.GetValue<string>().ShouldBe(first["paymentUrl"]!.GetValue<string>());
        factory.Stripe.Requests.Count.ShouldBe(before + 1);
        var sent = factory.Stripe.Requests[^1].Form;
        sent["success_url"].ShouldBe($"{FakeStripe.ReturnUrl.AbsoluteUri}?invoice={invoice}&result=paid");
        sent["metadata[invoice_id]"].ShouldBe(invoice.ToString());
    }

    [Fact]
    public async Task ProviderEvent_PaidCheckout_SettlesTheInvoiceOnce_AndTheSameEventAgainChangesNothing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        var paid = factory.Stripe.PayCheckout(await SessionOfCheckoutAsync(world, invoice));

        var applied = await ApiClientExtensions.OkAsync(await DeliverAsync(paid));
        var again = await ApiClientExtensions.OkAsync(await DeliverAsync(paid));

        applied["outcome"]!.GetValue<string>().ShouldBe("paid");
        again["outcome"]!.GetValue<string>().ShouldBe("already-applied");
        var settled = await ApiClientExtensions.OkAsync(await world.Patient.GetAsync($"/api/invoices/{invoice}"));
        settled["status"]!.GetValue<string>().ShouldBe("Paid");
        settled["balanceMinor"]!.GetValue<long>().ShouldBe(0);
        var payments = await PaymentsAsync(world.PatientId);
        payments.Count.ShouldBe(1);
        payments[0].Method.ShouldBe(PaymentMethod.Online);
        payments[0].AmountMinor.ShouldBe(4400);
    }

    [Fact]
    public async Task ProviderEvent_DeliveredFiveTimesAtOnce_RecordsOnePayment()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        var paid = factory.Stripe.PayCheckout(await SessionOfCheckoutAsync(world, invoice));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DeliverAsync(paid)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await PaymentsAsync(world.PatientId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ProviderEvent_BadSignatureOrReplayedLate_Is400AndAppliesNothing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        var session = await SessionOfCheckoutAsync(world, invoice);
        var paid = factory.Stripe.PayCheckout(session);
        var forged = factory.Stripe.Sign(paid.Payload, DateTimeOffset.UtcNow, secret: "whsec_someone-elses-secret");
        var stale = factory.Stripe.Sign(paid.Payload, DateTimeOffset.UtcNow.AddMinutes(-10));
        var tampered = paid with { Payload = paid.Payload.Replace("\"amount_total\":4400", "\"amount_total\":1", StringComparison.Ordinal) };

        foreach (var refused in new[] { forged, stale, tampered, paid with { Signature = "" } })
        {
            (await (await DeliverAsync(refused)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["code"]!.GetValue<string>().ShouldBe("payment.webhook-rejected");
        }

        (await PaymentsAsync(world.PatientId)).ShouldBeEmpty();
        (await ApiClientExtensions.OkAsync(await DeliverAsync(paid)))["outcome"]!.GetValue<string>().ShouldBe("paid");
    }

    [Fact]
    public async Task ProviderEvent_RefundBeforeItsPayment_Is409ThenAppliesOnRedelivery_AndPartRefundsInAnyOrderTotalCorrectly()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        var paid = factory.Stripe.PayCheckout(await SessionOfCheckoutAsync(world, invoice));
        var paymentIntent = JsonNode.Parse(paid.Payload)!["data"]!["object"]!["payment_intent"]!.GetValue<string>();
        var firstRefund = factory.Stripe.Refund(paymentIntent, 1000, "AUD");
        var secondRefund = factory.Stripe.Refund(paymentIntent, 400, "AUD");

        (await (await DeliverAsync(secondRefund)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("payment.event-out-of-order");
        (await DeliverAsync(paid)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ApiClientExtensions.OkAsync(await DeliverAsync(secondRefund)))["outcome"]!.GetValue<string>().ShouldBe("refunded");
        (await ApiClientExtensions.OkAsync(await DeliverAsync(firstRefund)))["outcome"]!.GetValue<string>().ShouldBe("nothing-to-refund");
        (await ApiClientExtensions.OkAsync(await DeliverAsync(secondRefund)))["outcome"]!.GetValue<string>().ShouldBe("already-applied");

        var payment = (await PaymentsAsync(world.PatientId)).ShouldHaveSingleItem();
        payment.RefundedMinor.ShouldBe(1400);
        var reopened = await ApiClientExtensions.OkAsync(await world.Desk.GetAsync($"/api/invoices/{invoice}"));
        reopened["balanceMinor"]!.GetValue<long>().ShouldBe(1400);
        reopened["status"]!.GetValue<string>().ShouldBe("PartPaid");
    }

    [Fact]
    public async Task ProviderEvent_PaidAfterTheDeskTookPayment_KeepsTheMoneyAsCredit()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await IdAsync(world.IssuedSaleAsync());
        var paid = factory.Stripe.PayCheckout(await SessionOfCheckoutAsync(world, invoice));
        (await world.PayAsync(invoice, 4400, method: "Cash")).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await ApiClientExtensions.OkAsync(await DeliverAsync(paid)))["outcome"]!.GetValue<string>().ShouldBe("paid");

        var online = (await PaymentsAsync(world.PatientId)).Single(p => p.Method == PaymentMethod.Online);
        online.UnallocatedMinor.ShouldBe(4400);
        var account = await ApiClientExtensions.OkAsync(await world.Patient.GetAsync($"/api/billing/patients/{world.PatientId}/account"));
        account["creditMinor"]!.GetValue<long>().ShouldBe(4400);
    }

    [Fact]
    public async Task ProviderEvent_AnEventClinicHipDoesNotActOn_IsAcknowledgedAndIgnored()
    {
        (await ApiClientExtensions.OkAsync(await DeliverAsync(factory.Stripe.Unrelated())))["outcome"]!.GetValue<string>().ShouldBe("ignored");
    }

    [Fact]
    public async Task ProviderEvent_LargerThanAnyEvent_Is413()
    {
        var huge = factory.Stripe.Sign("{\"id\":\"evt_x\",\"pad\":\"" + new string('a', 300_000) + "\"}", DateTimeOffset.UtcNow);

        (await DeliverAsync(huge)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private static async Task<Guid> IdAsync(Task<JsonObject> invoice) => (await invoice)["id"]!.GetValue<Guid>();

    private static async Task<string> SessionOfCheckoutAsync(BillingWorld world, Guid invoice)
    {
        var checkout = await ApiClientExtensions.OkAsync(await world.Patient.PostAsync($"/api/invoices/{invoice}/checkout", null));
        return new Uri(checkout["paymentUrl"]!.GetValue<string>()).Segments[^1];
    }

    private async Task<HttpResponseMessage> DeliverAsync(SignedEvent signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Events) { Content = new StringContent(signed.Payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signed.Signature);
        return await factory.CreateClient().SendAsync(request);
    }

    private async Task<List<Payment>> PaymentsAsync(Guid patientId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var id = new Domain.Patients.PatientId(patientId);
        return await db.Payments.AsNoTracking().Where(p => p.PatientId == id).ToListAsync();
    }
}

/// <summary>Where no payment provider is configured, online payment is not offered and no event is taken.</summary>
public sealed class NoOnlinePaymentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task StartCheckout_NoProviderConfigured_Is422AndEventsAre404()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = (await world.IssuedSaleAsync())["id"]!.GetValue<Guid>();

        (await (await world.Patient.PostAsync($"/api/invoices/{invoice}/checkout", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("payment.online-not-offered");
        await (await factory.CreateClient().PostAsync("/api/payments/provider-events", new StringContent("{}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
