using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>
/// The reports' figures through HTTP. Tests of a class share one clinic, so the clinic-wide figures are compared before
/// and after each test's own payments (tests in a class run one at a time).
/// </summary>
public class BillingReportTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow + ClinicScenario.BrisbaneOffset);

    [Fact]
    public async Task Takings_PaymentsRefundsAndCredit_ByMethodAndClinician_NetOfRefunds()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var before = await TakingsAsync(world.Desk);
        var card = await world.IssuedSaleAsync();
        var cash = await world.IssuedSaleAsync();
        (await world.PayAsync(card["id"]!.GetValue<Guid>(), 4400)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var overpaid = await ApiClientExtensions.CreatedAsync(await world.PayAsync(cash["id"]!.GetValue<Guid>(), 4400, paid: 10000, method: "Cash"));
        (await world.Desk.PostAsJsonAsync($"/api/payments/{overpaid["id"]}/refunds", new { amountMinor = 1000, reason = "Change given" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Desk.PostAsJsonAsync($"/api/payments/{overpaid["id"]}/refunds", new { amountMinor = 400, reason = "Wrong size", invoiceId = cash["id"] }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var third = await world.IssuedSaleAsync();
        (await world.PayAsync(third["id"]!.GetValue<Guid>(), 4400, method: "PatientCredit")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var after = await TakingsAsync(world.Desk);

        Delta(before, after, "payments").ShouldBe(2, "a payment from credit moves no money");
        Delta(before, after, "receivedMinor").ShouldBe(14400);
        Delta(before, after, "refunds").ShouldBe(2);
        Delta(before, after, "refundedMinor").ShouldBe(1400);
        Delta(before, after, "netMinor").ShouldBe(13000);
        Delta(before, after, "unallocatedCreditMinor").ShouldBe(5600);
        Delta(before, after, "creditRefundedMinor").ShouldBe(1000);
        (MethodNet(after, "Card") - MethodNet(before, "Card")).ShouldBe(4400);
        (MethodNet(after, "Cash") - MethodNet(before, "Cash")).ShouldBe(10000 - 1400);
        after["byMethod"]!.AsArray().ShouldNotContain(m => m!["method"]!.GetValue<string>() == "PatientCredit");
        var products = after["byClinician"]!.AsArray().Single(c => c!["clinicianId"] is null)!;
        products["receivedMinor"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(8800);
        var sum = after["byClinician"]!.AsArray().Sum(c => c!["netMinor"]!.GetValue<long>()) + after["unallocatedCreditMinor"]!.GetValue<long>()
            - after["creditRefundedMinor"]!.GetValue<long>();
        sum.ShouldBe(after["netMinor"]!.GetValue<long>(), "clinicians and unallocated credit account for every cent");
    }

    [Fact]
    public async Task Takings_ADifferentDay_HoldsNoneOfToday()
    {
        var world = await BillingWorld.CreateAsync(factory);
        (await world.PayAsync((await world.IssuedSaleAsync())["id"]!.GetValue<Guid>(), 4400)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var yesterday = await ApiClientExtensions.OkAsync(await world.Desk.GetAsync($"/api/billing/reports/takings?date={Today.AddDays(-1):yyyy-MM-dd}"));

        yesterday["payments"]!.GetValue<int>().ShouldBe(0);
        (DateTimeOffset.Parse(yesterday["to"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(yesterday["from"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Outstanding_AnIssuedInvoice_IsOwedTodayInTheFirstBucket_UntilPaid()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync(foamRollers: 2);
        var id = invoice["id"]!.GetValue<Guid>();
        (await world.PayAsync(id, 3000)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var report = await ApiClientExtensions.OkAsync(await world.Desk.GetAsync("/api/billing/reports/outstanding?pageSize=200"));

        var debtor = report["items"]!.AsArray().Single(d => d!["patientId"]!.GetValue<Guid>() == world.PatientId)!;
        var row = debtor["invoices"]!.AsArray().Single()!;
        row["balanceMinor"]!.GetValue<long>().ShouldBe(8800 - 3000);
        row["ageDays"]!.GetValue<int>().ShouldBe(0);
        row["daysPastDue"]!.GetValue<int>().ShouldBe(0);
        debtor["owing"]!["days0To30Minor"]!.GetValue<long>().ShouldBe(5800);
        debtor["owing"]!["overdueMinor"]!.GetValue<long>().ShouldBe(0);
        var totals = report["totals"]!;
        (totals["days0To30Minor"]!.GetValue<long>() + totals["days31To60Minor"]!.GetValue<long>() + totals["days61To90Minor"]!.GetValue<long>()
            + totals["over90DaysMinor"]!.GetValue<long>()).ShouldBe(totals["totalMinor"]!.GetValue<long>());

        (await world.PayAsync(id, 5800)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var paid = await ApiClientExtensions.OkAsync(await world.Desk.GetAsync("/api/billing/reports/outstanding?pageSize=200"));
        paid["items"]!.AsArray().ShouldNotContain(d => d!["patientId"]!.GetValue<Guid>() == world.PatientId);
        paid["totals"]!["totalMinor"]!.GetValue<long>().ShouldBe(totals["totalMinor"]!.GetValue<long>() - 5800);
    }

    [Fact]
    public async Task Revenue_VisitAndCreditedSale_ByClinicianAndItem_WithAndWithoutTax()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var appointment = await ApiClientExtensions.CreatedAsync(await world.Patient.PostAsJsonAsync(
            "/api/appointments", ClinicScenario.Booking(world.Scenario.ClinicianId, world.Scenario.FollowUpId, ClinicScenario.Local(3, 10), "Telehealth")));
        (await clinician.PostAsync($"/api/appointments/{appointment["id"]}/start", null)).EnsureSuccessStatusCode();
        (await clinician.PostAsync($"/api/appointments/{appointment["id"]}/complete", null)).EnsureSuccessStatusCode();
        var visit = (await world.Desk.GetFromJsonAsync<JsonObject>($"/api/invoices?patientId={world.PatientId}"))!["items"]!.AsArray().Single()!;
        (await world.Desk.PostAsync($"/api/invoices/{visit["id"]}/issue", null)).EnsureSuccessStatusCode();
        var sale = await world.IssuedSaleAsync();
        (await world.Desk.PostAsJsonAsync($"/api/invoices/{sale["id"]}/credit", new { amountMinor = 2200, reason = "Returned one" })).EnsureSuccessStatusCode();

        var revenue = await ApiClientExtensions.OkAsync(await world.Desk.GetAsync($"/api/billing/reports/revenue?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}"));

        var maya = revenue["byClinician"]!.AsArray().Single(c => c!["clinicianId"]?.GetValue<Guid>() == world.Scenario.ClinicianId)!;
        maya["invoices"]!.GetValue<int>().ShouldBe(1);
        maya["revenue"]!["netMinor"]!.GetValue<long>().ShouldBe(9500, "the follow-up is GST-free");
        var foam = revenue["byItem"]!.AsArray().Single(i => i!["itemId"]?.GetValue<Guid>() == world.FoamRollerItem)!;
        foam["quantity"]!.GetValue<int>().ShouldBe(1);
        foam["revenue"]!["invoicedMinor"]!.GetValue<long>().ShouldBe(4400);
        foam["revenue"]!["creditedMinor"]!.GetValue<long>().ShouldBe(2200);
        foam["revenue"]!["grossMinor"]!.GetValue<long>().ShouldBe(2200);
        foam["revenue"]!["taxMinor"]!.GetValue<long>().ShouldBe(200, "GST is a tenth of a GST-inclusive price: 400 invoiced, 200 credited");
        foam["revenue"]!["netMinor"]!.GetValue<long>().ShouldBe(2000);

        var own = await ApiClientExtensions.OkAsync(await clinician.GetAsync($"/api/billing/reports/revenue?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}"));
        own["byItem"]!.AsArray().ShouldNotContain(i => i!["itemId"]!.GetValue<Guid>() == world.FoamRollerItem, "a product sale is no clinician's revenue");
        own["total"]!["netMinor"]!.GetValue<long>().ShouldBe(9500);
    }

    [Fact]
    public async Task Export_Invoices_XeroColumns_FormulaTextDefused_QuotedPerRfc4180()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var payer = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsJsonAsync(
            $"/api/billing/patients/{world.PatientId}/payers", new { kind = "Employer", name = "=HYPERLINK(\"http://x\",\"Acme, Inc\")" }));
        var draft = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsJsonAsync("/api/invoices", new
        {
            patientId = world.PatientId, payerId = payer["id"], items = new[] { new { itemId = world.FoamRollerItem, quantity = 2, description = "@SUM(A1) roller" } },
        }));
        var issued = await ApiClientExtensions.OkAsync(await world.Desk.PostAsync($"/api/invoices/{draft["id"]}/issue", null));

        var response = await world.Desk.GetAsync($"/api/billing/reports/export?kind=invoices&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("clinichip-invoices-");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.Split("\r\n");
        lines[0].ShouldBe("ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,"
            + "InvoiceNumber,Reference,InvoiceDate,DueDate,Total,InventoryItemCode,Description,Quantity,UnitAmount,Discount,AccountCode,TaxType,TaxAmount,"
            + "TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme");
        var row = lines.Single(l => l.Contains(issued["number"]!.GetValue<string>(), StringComparison.Ordinal));
        row.ShouldStartWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"Acme, Inc\"\")\",");
        row.ShouldContain(",'@SUM(A1) roller,2,44.00,,200,GST on Income,8.00,");
        row.ShouldContain($",{Today:dd/MM/yyyy},");
        row.ShouldEndWith(",AUD,");
    }

    [Fact]
    public async Task Export_PaymentsAndCreditNotes_RefundsNegative_CreditsOnTheirOwnTemplate()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var sale = await world.IssuedSaleAsync();
        var payment = await ApiClientExtensions.CreatedAsync(await world.PayAsync(sale["id"]!.GetValue<Guid>(), 4400, method: "Cash"));
        (await world.Desk.PostAsJsonAsync($"/api/payments/{payment["id"]}/refunds", new { amountMinor = 1100, reason = "Partial return", invoiceId = sale["id"] }))
            .EnsureSuccessStatusCode();
        var credited = await ApiClientExtensions.OkAsync(await world.Desk.PostAsJsonAsync($"/api/invoices/{sale["id"]}/credit", new { amountMinor = 1100, reason = "Returned" }));
        var period = $"from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

        var payments = await world.Desk.GetStringAsync($"/api/billing/reports/export?kind=payments&{period}");
        var notes = await world.Desk.GetStringAsync($"/api/billing/reports/export?kind=credit-notes&{period}");

        payments.Split("\r\n")[0].ShouldBe("Date,Amount,Payee,Description,Reference");
        payments.ShouldContain($"{Today:dd/MM/yyyy},44.00,");
        payments.ShouldContain($"{Today:dd/MM/yyyy},-11.00,", Case.Sensitive, "a refund is money out, a number, never defused as text");
        var number = credited["creditNotes"]!.AsArray().Single()!["number"]!.GetValue<string>();
        var header = notes.Split("\r\n")[0];
        header.ShouldContain("CreditNoteNumber,Reference,CreditNoteDate,Total,");
        header.ShouldNotContain("DueDate");
        notes.Split("\r\n").Single(l => l.Contains(number, StringComparison.Ordinal)).ShouldContain(",1,11.00,,200,GST on Income,1.00,");
    }

    private static async Task<JsonObject> TakingsAsync(HttpClient desk) =>
        await ApiClientExtensions.OkAsync(await desk.GetAsync($"/api/billing/reports/takings?date={Today:yyyy-MM-dd}"));

    private static long Delta(JsonObject before, JsonObject after, string field) => after[field]!.GetValue<long>() - before[field]!.GetValue<long>();

    private static long MethodNet(JsonObject takings, string method) =>
        takings["byMethod"]!.AsArray().SingleOrDefault(m => m!["method"]!.GetValue<string>() == method)?["netMinor"]!.GetValue<long>() ?? 0;
}
