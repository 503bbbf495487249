using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Payments through HTTP: replays, other patients' invoices, overpayment, refunds and the patient's own view.</summary>
public class PaymentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task RecordPayment_SameKeyTwice_RecordsOnePayment()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync();
        var id = invoice["id"]!.GetValue<Guid>();

        var responses = await Task.WhenAll(world.PayAsync(id, 4400, "desk-click-1"), world.PayAsync(id, 4400, "desk-click-1"));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>()));
        numbers.Distinct().Count().ShouldBe(1);
        (await PaymentCountAsync(world.PatientId)).ShouldBe(1);
    }

    [Fact]
    public async Task RecordPayment_KeyReusedWithAnotherBody_Is422AndRecordsNothingNew()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync();
        var id = invoice["id"]!.GetValue<Guid>();
        (await world.PayAsync(id, 1000, "desk-click-2")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var replay = await world.PayAsync(id, 2000, "desk-click-2");

        (await replay.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("idempotency.key-reused");
        (await PaymentCountAsync(world.PatientId)).ShouldBe(1);
    }

    [Fact]
    public async Task RecordPayment_AnotherPatientsInvoice_Is404AndMovesNothing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var other = await world.Desk.RegisterPatientAsync();
        var theirs = await world.IssuedSaleAsync(patientId: other.Id);

        var response = await world.PayAsync(theirs["id"]!.GetValue<Guid>(), 4400);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await world.Desk.GetFromJsonAsync<JsonObject>($"/api/invoices/{theirs["id"]}"))!["balanceMinor"]!.GetValue<long>().ShouldBe(4400);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(long.MaxValue)]
    public async Task RecordPayment_AmountOutOfRange_Is400(long amount)
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync();

        await (await world.PayAsync(invoice["id"]!.GetValue<Guid>(), 100, paid: amount)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await PaymentCountAsync(world.PatientId)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordPayment_MoreThanTheBalance_Is422AndAllocationsBeyondThePaymentToo()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync();
        var id = invoice["id"]!.GetValue<Guid>();

        (await (await world.PayAsync(id, 4401)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("invoice.amount-exceeds-balance");
        (await (await world.PayAsync(id, 4400, paid: 4000)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("payment.over-allocated");
        (await PaymentCountAsync(world.PatientId)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordPayment_Overpayment_IsCredit_SpentOnTheNextInvoice_AndRefundsRestoreTheBalance()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var first = await world.IssuedSaleAsync();
        var paid = await ApiClientExtensions.CreatedAsync(await world.PayAsync(first["id"]!.GetValue<Guid>(), 4400, paid: 10000, method: "Cash"));
        paid["unallocatedMinor"]!.GetValue<long>().ShouldBe(5600);
        var second = await world.IssuedSaleAsync();

        var fromCredit = await world.PayAsync(second["id"]!.GetValue<Guid>(), 4400, method: "PatientCredit");

        fromCredit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = await world.Patient.GetFromJsonAsync<JsonObject>($"/api/billing/patients/{world.PatientId}/account");
        account!["creditMinor"]!.GetValue<long>().ShouldBe(1200);
        account["owingMinor"]!.GetValue<long>().ShouldBe(0);

        var tooMuch = await world.Desk.PostAsJsonAsync($"/api/payments/{paid["id"]}/refunds", new { amountMinor = 1201, reason = "Change given" });
        (await tooMuch.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("payment.refund-exceeds-payment");
        var refund = await world.Desk.PostAsJsonAsync($"/api/payments/{paid["id"]}/refunds", new { amountMinor = 4400, reason = "Roller returned", invoiceId = first["id"] });
        refund.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reopened = await world.Desk.GetFromJsonAsync<JsonObject>($"/api/invoices/{first["id"]}");
        reopened!["balanceMinor"]!.GetValue<long>().ShouldBe(4400);
        reopened["refundedMinor"]!.GetValue<long>().ShouldBe(4400);
        reopened["status"]!.GetValue<string>().ShouldBe("Issued");
    }

    [Fact]
    public async Task GetPayment_AnotherPatient_Is404_AndTheOwnerReadIsInTheirAccessLog()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync();
        var payment = await ApiClientExtensions.CreatedAsync(await world.PayAsync(invoice["id"]!.GetValue<Guid>(), 4400));
        var (other, _) = await factory.NewPatientClientAsync();

        (await other.GetAsync($"/api/payments/{payment["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.Patient.GetAsync($"/api/invoices/{invoice["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await db.AuditRecords.CountAsync(r => r.PatientId == world.PatientId && r.Action == "GetInvoice" && r.ResourceId == invoice["id"]!.GetValue<string>()))
            .ShouldBe(1);
    }

    [Fact]
    public async Task ListPayments_HugePageOrFarFutureDate_Is400()
    {
        var world = await BillingWorld.CreateAsync(factory);

        await (await world.Desk.GetAsync("/api/payments?page=2147483647")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await world.Desk.GetAsync("/api/invoices?issuedFrom=9999-12-31")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await world.Desk.GetAsync("/api/invoices?updatedSince=0001-01-01T00:00:00Z")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<int> PaymentCountAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = new Domain.Patients.PatientId(patientId);
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Payments.CountAsync(p => p.PatientId == id);
    }
}
