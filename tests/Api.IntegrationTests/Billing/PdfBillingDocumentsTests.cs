using System.Globalization;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Documents;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Billing documents print what a tax invoice must show, and their figures read back as printed.</summary>
public sealed class PdfBillingDocumentsTests
{
    private static readonly ClinicLegalDetails Clinic = new(
        "Harbour Hip & Sports Physio Pty Ltd", "51 824 753 556", "12 Wharf Street\nSydney NSW 2000", "02 9000 0000",
        "accounts@harbourhip.example", TaxIdLabel: "ABN");

    private static readonly PractitionerDetails Practitioner = new("Dr Mia Chen", "2468135A");

    private readonly PdfBillingDocuments renderer = new();

    [Fact]
    public void RenderPdf_Invoice_PrintsTheClinicsLegalDetailsAndTheProviderNumber()
    {
        var lines = PdfText.Lines(renderer.RenderPdf(Invoice()));

        lines.ShouldContain("Tax invoice");
        lines.ShouldContain("Invoice INV-000042");
        lines.ShouldContain("Harbour Hip & Sports Physio Pty Ltd");
        lines.ShouldContain("ABN 51 824 753 556");
        lines.ShouldContain("12 Wharf Street");
        lines.ShouldContain("Sydney NSW 2000");
        lines.ShouldContain("Bill to: Zoë Nguyễn");
        lines.ShouldContain("Practitioner: Dr Mia Chen, provider number 2468135A");
        lines.ShouldContain("Date 7 Dec 2026");
    }

    [Fact]
    public void RenderPdf_Invoice_ItemsAddUpToTheTotalsItPrints()
    {
        var lines = PdfText.Lines(renderer.RenderPdf(Invoice()));

        var items = lines.Where(line => line.StartsWith("1 Dec 2026", StringComparison.Ordinal)).ToList();
        items.Count.ShouldBe(2);
        items[0].ShouldBe("1 Dec 2026 HIP-INIT Initial hip assessment 1 120.00 0.00 120.00");
        items[1].ShouldBe("1 Dec 2026 FOAM Foam roller 1 45.00 4.09 45.00");
        var amounts = items.Select(item => decimal.Parse(item.Split(' ')[^1], CultureInfo.InvariantCulture)).Sum();
        var taxes = items.Select(item => decimal.Parse(item.Split(' ')[^2], CultureInfo.InvariantCulture)).Sum();
        lines.ShouldContain($"Total AUD {amounts.ToString("N2", CultureInfo.InvariantCulture)}");
        lines.ShouldContain($"Tax AUD {taxes.ToString("N2", CultureInfo.InvariantCulture)}");
        lines.ShouldContain("Subtotal AUD 160.91");
        lines.ShouldContain("Paid AUD 100.00");
        lines.ShouldContain("Balance due AUD 65.00");
    }

    [Theory]
    [InlineData(BillingDocumentKind.CreditNote, "Credit note", "Total credited AUD 165.00", "Credit remaining AUD 65.00")]
    [InlineData(BillingDocumentKind.Receipt, "Receipt", "Amount received AUD 100.00", "Balance due AUD 65.00")]
    [InlineData(BillingDocumentKind.Statement, "Statement", "Paid and credited AUD 100.00", "Balance due AUD 65.00")]
    public void RenderPdf_EachKind_NamesItselfAndItsTotals(BillingDocumentKind kind, string title, string total, string balance)
    {
        var lines = PdfText.Lines(renderer.RenderPdf(Invoice() with { Kind = kind }));

        lines.ShouldContain(title);
        lines.ShouldContain(total);
        lines.ShouldContain(balance);
    }

    [Fact]
    public void RenderPdf_StatementLongerThanAPage_ContinuesWithHeadingsAndNumbersEveryPage()
    {
        var movements = Enumerable.Range(1, 90)
            .Select(day => new BillingDocumentLine(new DateOnly(2026, 1, 1).AddDays(day), $"INV-{day:000000}", "Follow-up consultation", 1, 9500, 0, 9500))
            .ToList();
        var statement = Invoice() with
        {
            Kind = BillingDocumentKind.Statement,
            Number = "1 Jan 2026 to 31 Mar 2026",
            Lines = movements,
            Totals = new BillingDocumentTotals(855000, 0, 855000, 800000, 55000),
        };

        var pages = PdfText.Pages(renderer.RenderPdf(statement));

        pages.Count.ShouldBeGreaterThan(1);
        for (var page = 0; page < pages.Count; page++)
        {
            pages[page].ShouldContain("Date Code Description Qty Unit price Tax Amount");
            pages[page].ShouldContain($"Statement 1 Jan 2026 to 31 Mar 2026 · page {page + 1} of {pages.Count}");
        }

        var printed = pages.SelectMany(page => page).Where(line => line.Contains(" INV-", StringComparison.Ordinal)).ToList();
        printed.Count.ShouldBe(90);
        printed.Select(line => decimal.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture)).Sum().ShouldBe(8550.00m);
        pages[^1].ShouldContain("Balance due AUD 550.00");
    }

    [Fact]
    public void RenderPdf_LongDescription_WrapsWithinItsColumn()
    {
        var wordy = Invoice() with
        {
            Lines = [new BillingDocumentLine(null, "PACK6", "Six-session course of care for hip rehabilitation, paid in advance and drawn on by each attended visit", 1, 54000, 0, 54000)],
        };

        var lines = PdfText.Lines(renderer.RenderPdf(wordy));

        lines.ShouldContain(line => line.StartsWith("PACK6 Six-session course", StringComparison.Ordinal) && line.EndsWith("540.00", StringComparison.Ordinal));
        lines.ShouldContain(line => line.Contains("attended visit", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderPdf_CurrencyWithoutMinorUnits_PrintsWholeAmounts()
    {
        var yen = Invoice() with
        {
            Currency = "JPY",
            Lines = [new BillingDocumentLine(null, null, "Consultation", 1, 8000, 0, 8000)],
            Totals = new BillingDocumentTotals(8000, 0, 8000, 0, 8000),
        };

        var lines = PdfText.Lines(renderer.RenderPdf(yen));

        lines.ShouldContain("Total JPY 8,000");
        lines.ShouldContain("Amounts in JPY");
    }

    private static BillingDocument Invoice() => new(
        BillingDocumentKind.Invoice, "INV-000042", new DateOnly(2026, 12, 7), Clinic, "Zoë Nguyễn", "Zoë Nguyễn", Practitioner,
        [
            new BillingDocumentLine(new DateOnly(2026, 12, 1), "HIP-INIT", "Initial hip assessment", 1, 12000, 0, 12000),
            new BillingDocumentLine(new DateOnly(2026, 12, 1), "FOAM", "Foam roller", 1, 4500, 409, 4500),
        ],
        new BillingDocumentTotals(16091, 409, 16500, 10000, 6500), "AUD", "Due by 21 Dec 2026");
}
