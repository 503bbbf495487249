using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Invoices, credit notes, receipts and statements downloaded as PDF through HTTP, read back as text.</summary>
public sealed class BillingDocumentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Documents_AnonymousAnotherPatientOrAnotherClinician_AreRefusedWithNothingOfThem()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = (await world.IssuedSaleAsync())["id"]!.GetValue<Guid>();
        var payment = (await ApiClientExtensions.CreatedAsync(await world.PayAsync(invoice, 4400)))["id"]!.GetValue<Guid>();
        var (other, _) = await factory.NewPatientClientAsync();
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        string[] paths = [$"/api/invoices/{invoice}/pdf", $"/api/payments/{payment}/receipt", $"/api/billing/patients/{world.PatientId}/statement?from=2026-01-01&to=2026-12-31"];

        foreach (var path in paths)
        {
            (await factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var refused = await other.GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

            // A sale has no clinician: no clinician's revenue, and payments are the desk's.
            (await clinician.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task InvoicePdf_Draft_Is409()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var draft = (await world.DraftSaleAsync())["id"]!.GetValue<Guid>();

        (await (await world.Desk.GetAsync($"/api/invoices/{draft}/pdf")).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invoice.not-issued");
    }

    [Fact]
    public async Task InvoicePdf_OwnInvoice_PrintsTheClinicsTaxIdTheLinesAndTheBalance_AndIsNotCached()
    {
        var world = await BillingWorld.CreateAsync(factory);
        await SetLegalDetailsAsync(world);
        var issued = await world.IssuedSaleAsync(foamRollers: 2);
        var id = issued["id"]!.GetValue<Guid>();
        (await world.PayAsync(id, 3000)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await world.Patient.GetAsync($"/api/invoices/{id}/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var lines = PdfText.Lines(await response.Content.ReadAsByteArrayAsync());
        lines.ShouldContain("Tax invoice");
        lines.ShouldContain($"Invoice {issued["number"]!.GetValue<string>()}");
        lines.ShouldContain("ABN 51 824 753 556");
        lines.ShouldContain("Total AUD 88.00");
        lines.ShouldContain("Paid AUD 30.00");
        lines.ShouldContain("Balance due AUD 58.00");
        lines.ShouldContain(l => l.Contains(" 2 44.00 ", StringComparison.Ordinal) && l.EndsWith(" 88.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreditNoteAndReceiptPdf_PrintWhatWasCreditedAndReceived()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var issued = await world.IssuedSaleAsync();
        var id = issued["id"]!.GetValue<Guid>();
        var payment = await ApiClientExtensions.CreatedAsync(await world.PayAsync(id, 4000, paid: 5000));
        var credited = await ApiClientExtensions.OkAsync(await world.Desk.PostAsJsonAsync($"/api/invoices/{id}/credit", new { reason = "Discount agreed", amountMinor = 400 }));
        var note = credited["creditNotes"]!.AsArray()[0]!;

        var creditLines = PdfText.Lines(await (await world.Patient.GetAsync($"/api/invoices/{id}/credit-notes/{note["id"]}/pdf")).Content.ReadAsByteArrayAsync());
        var receiptLines = PdfText.Lines(await (await world.Patient.GetAsync($"/api/payments/{payment["id"]}/receipt")).Content.ReadAsByteArrayAsync());

        creditLines.ShouldContain($"Credit note {note["number"]!.GetValue<string>()}");
        creditLines.ShouldContain("Total credited AUD 4.00");
        receiptLines.ShouldContain($"Receipt {payment["number"]!.GetValue<string>()}");
        receiptLines.ShouldContain("Amount received AUD 50.00");
        receiptLines.ShouldContain(l => l.Contains("Credit on account", StringComparison.Ordinal) && l.EndsWith("10.00", StringComparison.Ordinal));
        (await world.Patient.GetAsync($"/api/invoices/{id}/credit-notes/{Guid.NewGuid()}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("from=2026-12-31&to=2026-01-01")]
    [InlineData("from=2025-01-01&to=2026-12-31")]
    [InlineData("from=2026-02-30&to=2026-03-01")]
    [InlineData("from=2026-01-01&to=tomorrow")]
    public async Task StatementPdf_ImpossibleOrTooLongPeriod_Is400(string query)
    {
        var world = await BillingWorld.CreateAsync(factory);

        await (await world.Desk.GetAsync($"/api/billing/patients/{world.PatientId}/statement?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StatementPdf_OwnAccount_ListsThePeriodsInvoicesAndPayments_AndTheBalanceOwing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var first = (await world.IssuedSaleAsync())["id"]!.GetValue<Guid>();
        await world.IssuedSaleAsync(foamRollers: 2);
        (await world.PayAsync(first, 4400)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await world.Patient.GetAsync($"/api/billing/patients/{world.PatientId}/statement?from={today.AddDays(-3):yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = PdfText.Lines(await response.Content.ReadAsByteArrayAsync());
        lines.ShouldContain("Statement");
        lines.ShouldContain("Total invoiced AUD 132.00");
        lines.ShouldContain("Paid and credited AUD 44.00");
        lines.ShouldContain("Balance due AUD 88.00");
    }

    private static async Task SetLegalDetailsAsync(BillingWorld world)
    {
        var settings = await world.Scenario.Admin.GetFromJsonAsync<JsonObject>("/api/billing/settings");
        settings!["taxId"] = "51 824 753 556";
        settings["businessName"] = "Harbour Hip & Sports Physio Pty Ltd";
        (await world.Scenario.Admin.PutAsJsonAsync("/api/billing/settings", settings)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
