using System.Globalization;
using ClinicHip.Application.Common.Interfaces;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicHip.Infrastructure.Documents;

/// <summary>
/// Prints billing documents with PDFsharp 6.2.4 (MIT; 6.5.0 declares the AGPL) in DejaVu Sans embedded in this assembly
/// (docs/decisions/0059). The document arrives worked out; this only lays it out.
/// </summary>
public sealed class PdfBillingDocuments : IBillingDocuments
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    /// <summary>The table's columns, left to right: date, code, description, quantity, unit price, tax, amount.</summary>
    private static readonly double[] ColumnWidths = [60, 66, 167, 28, 60, 56, 74];

    /// <summary>Space kept clear at the right of each column, so neighbouring cells never touch.</summary>
    private const double CellGap = 4;

    public PdfBillingDocuments() => EmbeddedFontResolver.Install();

    public byte[] RenderPdf(BillingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var labels = Labels.For(document.Kind);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{labels.Title} {document.Number}";
        pdf.Info.Author = document.Clinic.BusinessName;
        pdf.Info.Creator = "ClinicHip";

        using (var writer = new DocumentPageWriter(pdf))
        {
            WriteHeader(writer, document, labels);
            WriteParties(writer, document);
            WriteLines(writer, document);
            WriteTotals(writer, document, labels);
            writer.NumberPages($"{labels.Title} {document.Number}");
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void WriteHeader(DocumentPageWriter writer, BillingDocument document, Labels labels)
    {
        var top = writer.Y;
        // The document's name, number and date take the right-hand 200 points; the clinic's block the rest, clear of them.
        var clinicWidth = writer.Right - writer.Left - 210;
        var right = writer.Right - 200;
        writer.Text(labels.Title, writer.Title, right, 200, XStringAlignment.Far);
        writer.Y += DocumentPageWriter.LineHeight(writer.Title);
        writer.Text($"{labels.NumberLabel} {document.Number}", writer.Bold, right, 200, XStringAlignment.Far);
        writer.Y += DocumentPageWriter.LineHeight(writer.Bold);
        writer.Text($"Date {Date(document.IssuedOn)}", writer.Regular, right, 200, XStringAlignment.Far);
        var rightEnd = writer.Y + DocumentPageWriter.LineHeight(writer.Regular);

        var clinic = document.Clinic;
        writer.Y = top;
        foreach (var nameLine in writer.Wrap(clinic.BusinessName, writer.Heading, clinicWidth))
        {
            writer.Text(nameLine, writer.Heading, writer.Left, clinicWidth);
            writer.Y += DocumentPageWriter.LineHeight(writer.Heading);
        }

        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(clinic.TaxId))
        {
            details.Add($"{clinic.TaxIdLabel} {clinic.TaxId}");
        }

        details.AddRange((clinic.Address ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        details.AddRange(new[] { clinic.Phone, clinic.Email }.Where(value => !string.IsNullOrWhiteSpace(value))!);
        foreach (var detail in details.SelectMany(detail => writer.Wrap(detail, writer.Regular, clinicWidth)))
        {
            writer.Text(detail, writer.Regular, writer.Left, clinicWidth);
            writer.Y += DocumentPageWriter.LineHeight(writer.Regular);
        }

        writer.Y = Math.Max(writer.Y, rightEnd) + 10;
        writer.Rule();
    }

    private static void WriteParties(DocumentPageWriter writer, BillingDocument document)
    {
        writer.Line($"Bill to: {document.BillTo}", writer.Bold);
        writer.Line($"Patient: {document.PatientName}", writer.Regular);
        if (document.Practitioner is { } practitioner)
        {
            writer.Line(
                string.IsNullOrWhiteSpace(practitioner.ProviderNumber)
                    ? $"Practitioner: {practitioner.Name}"
                    : $"Practitioner: {practitioner.Name}, provider number {practitioner.ProviderNumber}",
                writer.Regular);
        }

        if (!string.IsNullOrWhiteSpace(document.Note))
        {
            foreach (var line in writer.Wrap(document.Note, writer.Regular, writer.Right - writer.Left))
            {
                writer.Line(line, writer.Regular);
            }
        }

        writer.Line($"Amounts in {document.Currency}", writer.Small);
        writer.Y += 6;
    }

    private static void WriteLines(DocumentPageWriter writer, BillingDocument document)
    {
        writer.ContinuationHeading = ColumnHeadings;
        writer.EnsureSpace(3 * DocumentPageWriter.LineHeight(writer.Regular));
        ColumnHeadings(writer);
        var exponent = MinorUnitExponent(document.Currency);
        foreach (var line in document.Lines)
        {
            // Codes and descriptions wrap inside their columns; the row is as tall as the longer of them.
            var code = writer.Wrap(line.Code ?? string.Empty, writer.Regular, ColumnWidths[1] - CellGap);
            var description = writer.Wrap(line.Description, writer.Regular, ColumnWidths[2] - CellGap);
            var rows = Math.Max(code.Count, description.Count);
            writer.EnsureSpace((rows * DocumentPageWriter.LineHeight(writer.Regular)) + 2);
            Row(writer, writer.Regular,
                line.Date is { } date ? Date(date) : string.Empty,
                code[0],
                description[0],
                line.Quantity?.ToString(Numbers) ?? string.Empty,
                line.UnitPriceMinor is { } unit ? Amount(unit, exponent) : string.Empty,
                Amount(line.TaxMinor, exponent),
                Amount(line.AmountMinor, exponent));
            for (var more = 1; more < rows; more++)
            {
                writer.Y += DocumentPageWriter.LineHeight(writer.Regular);
                Row(writer, writer.Regular, string.Empty, code.ElementAtOrDefault(more) ?? string.Empty, description.ElementAtOrDefault(more) ?? string.Empty);
            }

            writer.Y += DocumentPageWriter.LineHeight(writer.Regular) + 2;
        }

        writer.ContinuationHeading = null;
        writer.Rule();
    }

    private static void ColumnHeadings(DocumentPageWriter writer)
    {
        Row(writer, writer.Bold, "Date", "Code", "Description", "Qty", "Unit price", "Tax", "Amount");
        writer.Y += DocumentPageWriter.LineHeight(writer.Bold);
        writer.Rule();
    }

    /// <summary>One table row: text columns to the left, numbers to the right.</summary>
    private static void Row(DocumentPageWriter writer, XFont font, params string[] cells)
    {
        var x = writer.Left;
        for (var column = 0; column < cells.Length; column++)
        {
            var alignment = column >= 3 ? XStringAlignment.Far : XStringAlignment.Near;
            writer.Text(cells[column], font, x, ColumnWidths[column] - CellGap, alignment);
            x += ColumnWidths[column];
        }
    }

    private static void WriteTotals(DocumentPageWriter writer, BillingDocument document, Labels labels)
    {
        var exponent = MinorUnitExponent(document.Currency);
        var totals = document.Totals;
        (string Label, long Minor, bool Strong)[] rows =
        [
            (labels.Subtotal, totals.SubtotalMinor, false),
            (labels.Tax, totals.TaxMinor, false),
            (labels.Total, totals.TotalMinor, true),
            (labels.Paid, totals.PaidMinor, false),
            (labels.Balance, totals.BalanceMinor, true),
        ];
        writer.EnsureSpace((rows.Length * DocumentPageWriter.LineHeight(writer.Bold)) + 6);
        writer.Y += 4;
        var labelLeft = writer.Right - 230;
        foreach (var (label, minor, strong) in rows)
        {
            var font = strong ? writer.Bold : writer.Regular;
            writer.Text(label, font, labelLeft, 130);
            writer.Text($"{document.Currency} {Amount(minor, exponent)}", font, labelLeft + 130, 100, XStringAlignment.Far);
            writer.Y += DocumentPageWriter.LineHeight(font);
        }
    }

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", Numbers);

    /// <summary>Minor units as the currency writes them, e.g. 12345 AUD as <c>123.45</c>, 500 JPY as <c>500</c>.</summary>
    private static string Amount(long minor, int exponent)
    {
        var major = minor / (decimal)Math.Pow(10, exponent);
        return major.ToString("N" + exponent.ToString(Numbers), Numbers);
    }

    /// <summary>ISO 4217's minor unit: two decimals unless the currency has none or three.</summary>
    private static int MinorUnitExponent(string currency) => currency.ToUpperInvariant() switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI" or "VND" or "VUV"
            or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        _ => 2,
    };

    private sealed record Labels(string Title, string NumberLabel, string Subtotal, string Tax, string Total, string Paid, string Balance)
    {
        public static Labels For(BillingDocumentKind kind) => kind switch
        {
            BillingDocumentKind.Invoice => new("Tax invoice", "Invoice", "Subtotal", "Tax", "Total", "Paid", "Balance due"),
            BillingDocumentKind.CreditNote => new("Credit note", "Credit note", "Subtotal", "Tax", "Total credited", "Refunded", "Credit remaining"),
            BillingDocumentKind.Receipt => new("Receipt", "Receipt", "Subtotal", "Tax", "Total", "Amount received", "Balance due"),
            BillingDocumentKind.Statement => new("Statement", "Statement", "Invoiced", "Tax", "Total invoiced", "Paid and credited", "Balance due"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a billing document."),
        };
    }
}
