using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Reports;

/// <summary>
/// A period's invoices, credit notes or payments as a CSV file in the columns of Xero's import templates (docs/billing.md):
/// <c>invoices</c> for the sales invoice import (a row per line), <c>credit-notes</c> for the credit note import (each
/// credit spread over its invoice's lines), <c>payments</c> for the bank statement import (receipts in, refunds out as
/// negative amounts; payments from a patient's credit move no money and are left out).
/// </summary>
/// <param name="Kind">invoices, credit-notes or payments.</param>
/// <param name="From">The first clinic-local day.</param>
/// <param name="To">The last (at most 366 days, counting both).</param>
/// <param name="AccountCode">The sales account the lines are coded to in the accounting package; 200 (Xero's Sales) by default.</param>
public sealed record ExportAccountingQuery(string Kind, DateOnly From, DateOnly To, string AccountCode = ExportAccountingQuery.DefaultAccountCode) : IRequest<AccountingExportDto>
{
    public const string DefaultAccountCode = "200";
    public const string Invoices = "invoices";
    public const string CreditNotes = "credit-notes";
    public const string Payments = "payments";
    public static readonly string[] Kinds = [Invoices, CreditNotes, Payments];
}

/// <summary>A patient whose name the file carries (for the audit trail: each appears in their access log).</summary>
/// <param name="PatientId">The patient.</param>
public sealed record ExportedPatientDto(Guid PatientId);

/// <summary>The file, and what the audit trail records of it.</summary>
/// <param name="FileName">clinichip-invoices-2026-12-01-to-2026-12-31.csv.</param>
/// <param name="Content">UTF-8 CSV.</param>
/// <param name="Rows">Rows below the header.</param>
/// <param name="Patients">The patients it names.</param>
public sealed record AccountingExportDto(string FileName, byte[] Content, int Rows, IReadOnlyList<ExportedPatientDto> Patients);

public sealed class ExportAccountingValidator : AbstractValidator<ExportAccountingQuery>
{
    public ExportAccountingValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Kind).Must(k => ExportAccountingQuery.Kinds.Contains(k)).WithMessage($"'kind' is one of {string.Join(", ", ExportAccountingQuery.Kinds)}.");
        RuleFor(q => q.From).WithinSupportedDates(bounds);
        RuleFor(q => q.To).WithinSupportedDates(bounds);
        RuleFor(q => q).IsAReportPeriod(q => q.From, q => q.To);
        RuleFor(q => q.AccountCode).NotEmpty().MaximumLength(10).Matches("^[A-Za-z0-9.]+$").WithMessage("'accountCode' is up to 10 letters, digits or dots.");
    }
}

public sealed class ExportAccountingHandler(IApplicationDbContext db) : IRequestHandler<ExportAccountingQuery, AccountingExportDto>
{
    private static readonly string[] SalesColumns =
    [
        "ContactName", "EmailAddress", "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4", "POCity", "PORegion", "POPostalCode",
        "POCountry", "{0}Number", "Reference", "{0}Date", "DueDate", "Total", "InventoryItemCode", "Description", "Quantity", "UnitAmount", "Discount",
        "AccountCode", "TaxType", "TaxAmount", "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2", "Currency", "BrandingTheme",
    ];

    private static readonly string[] BankColumns = ["Date", "Amount", "Payee", "Description", "Reference"];

    public async Task<AccountingExportDto> Handle(ExportAccountingQuery request, CancellationToken cancellationToken)
    {
        var (from, to) = (request.From, request.To);
        var (header, rows, patients) = request.Kind switch
        {
            ExportAccountingQuery.Invoices => await InvoicesAsync(from, to, request.AccountCode, cancellationToken),
            ExportAccountingQuery.CreditNotes => await CreditNotesAsync(from, to, request.AccountCode, cancellationToken),
            _ => await PaymentsAsync(from, to, cancellationToken),
        };
        return new AccountingExportDto(
            $"clinichip-{request.Kind}-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.csv", CsvText.Encode(header, rows), rows.Count,
            [.. patients.Distinct().Select(p => new ExportedPatientDto(p.Value))]);
    }

    private async Task<(string[], List<IReadOnlyList<string>>, List<PatientId>)> InvoicesAsync(DateOnly from, DateOnly to, string account, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Status != InvoiceStatus.Draft && i.IssuedOn >= from && i.IssuedOn <= to)
            .OrderBy(i => i.SequenceNumber).ToListAsync(ct);
        var contacts = await ContactsAsync(invoices.Select(i => (i.PatientId, i.PayerId)), ct);
        var rows = invoices.SelectMany(i => i.Lines.Select(l => SalesRow(
            contacts[(i.PatientId, i.PayerId)], i.Number!, i.IssuedOn!.Value, i.DueOn, l.Code, l.Description, l.Quantity, l.UnitPriceMinor, account, l.TaxTreatment,
            l.TaxMinor, i.Currency))).ToList();
        return (Header(SalesColumns, "Invoice"), rows, [.. invoices.Select(i => i.PatientId)]);
    }

    private async Task<(string[], List<IReadOnlyList<string>>, List<PatientId>)> CreditNotesAsync(DateOnly from, DateOnly to, string account, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CreditNotes.Any(n => n.IssuedOn >= from && n.IssuedOn <= to)).ToListAsync(ct);
        var contacts = await ContactsAsync(invoices.Select(i => (i.PatientId, i.PayerId)), ct);
        var notes = invoices.SelectMany(i => i.CreditNotes.Where(n => n.IssuedOn >= from && n.IssuedOn <= to).Select(n => (Invoice: i, Note: n)))
            .OrderBy(x => x.Note.Number, StringComparer.Ordinal).ToList();

        // Each line's share of the credit, priced as its invoice was (with or without tax), so the package works the same tax out.
        var rows = notes.SelectMany(x => x.Invoice.SpreadOverLines(x.Note.AmountMinor, x.Note.TaxMinor).Where(s => s.AmountMinor != 0).Select(s => SalesRow(
            contacts[(x.Invoice.PatientId, x.Invoice.PayerId)], x.Note.Number, x.Note.IssuedOn, null, s.Line.Code, $"Credit for {x.Invoice.Number}: {s.Line.Description}", 1,
            x.Invoice.PricesIncludeTax ? s.AmountMinor : s.AmountMinor - s.TaxMinor, account, s.Line.TaxTreatment, s.TaxMinor, x.Invoice.Currency))).ToList();
        return (Header(SalesColumns, "CreditNote"), rows, [.. notes.Select(x => x.Invoice.PatientId)]);
    }

    private async Task<(string[], List<IReadOnlyList<string>>, List<PatientId>)> PaymentsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = await db.ClinicZoneAsync(ct);
        var (start, end) = (ClinicTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone), ClinicTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.Method != PaymentMethod.PatientCredit
                && ((p.ReceivedAtUtc >= start && p.ReceivedAtUtc < end) || p.Refunds.Any(r => r.RefundedAtUtc >= start && r.RefundedAtUtc < end)))
            .ToListAsync(ct);
        var invoiceIds = payments.SelectMany(p => p.Allocations.Select(a => a.InvoiceId)).Distinct().ToList();
        var numbers = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).Select(i => new { i.Id, i.Number })
            .ToDictionaryAsync(i => i.Id, i => i.Number ?? "", ct);
        var contacts = await ContactsAsync(payments.Select(p => (p.PatientId, p.PayerId)), ct);

        var receipts = payments.Where(p => p.ReceivedAtUtc >= start && p.ReceivedAtUtc < end).Select(p => (At: p.ReceivedAtUtc, Row: (IReadOnlyList<string>)
        [
            CsvText.Date(ClinicTime.LocalDate(p.ReceivedAtUtc, zone)), CsvText.Amount(p.AmountMinor, p.Currency), CsvText.Text(contacts[(p.PatientId, p.PayerId)].Name),
            CsvText.Text($"Receipt {p.Number} ({p.Method})"),
            CsvText.Text(p.Allocations.Count == 0 ? "Account credit" : string.Join(' ', p.Allocations.Select(a => numbers.GetValueOrDefault(a.InvoiceId, "")))),
        ]));
        var refunds = payments.SelectMany(p => p.Refunds.Where(r => r.RefundedAtUtc >= start && r.RefundedAtUtc < end).Select(r => (At: r.RefundedAtUtc, Row: (IReadOnlyList<string>)
        [
            CsvText.Date(ClinicTime.LocalDate(r.RefundedAtUtc, zone)), CsvText.Amount(-r.AmountMinor, p.Currency), CsvText.Text(contacts[(p.PatientId, p.PayerId)].Name),
            CsvText.Text($"Refund from {p.Number} ({p.Method})"),
            CsvText.Text(r.InvoiceId is { } invoice ? numbers.GetValueOrDefault(invoice, "") : "Account credit"),
        ])));
        return (BankColumns, [.. receipts.Concat(refunds).OrderBy(x => x.At).Select(x => x.Row)], [.. payments.Select(p => p.PatientId)]);
    }

    /// <summary>Who each document is addressed to: the payer billed instead of the patient, else the patient; the patient as the reference when a payer is billed.</summary>
    private async Task<Dictionary<(PatientId, PayerId?), (string Name, string? Reference)>> ContactsAsync(IEnumerable<(PatientId Patient, PayerId? Payer)> pairs, CancellationToken ct)
    {
        var wanted = pairs.Distinct().ToList();
        var patientIds = wanted.Select(p => p.Patient).Distinct().ToList();
        var payerIds = wanted.Where(p => p.Payer is not null).Select(p => p.Payer!.Value).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).Select(p => new { p.Id, p.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name.FullName, ct);
        var payers = await db.Payers.AsNoTracking().Where(p => payerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return wanted.ToDictionary(
            w => (w.Patient, w.Payer),
            w => w.Payer is { } payer ? (payers.GetValueOrDefault(payer, ""), (string?)patients.GetValueOrDefault(w.Patient, "")) : (patients.GetValueOrDefault(w.Patient, ""), null));
    }

    // Xero's credit note template is its invoice template with CreditNote in place of Invoice and no due date.
    private static string[] Header(string[] columns, string document) =>
        [.. columns.Where(c => document == "Invoice" || c != "DueDate").Select(c => string.Format(System.Globalization.CultureInfo.InvariantCulture, c, document))];

    private static IReadOnlyList<string> SalesRow(
        (string Name, string? Reference) contact, string number, DateOnly date, DateOnly? due, string code, string description, int quantity, long unitMinor,
        string account, TaxTreatment tax, long taxMinor, string currency) =>
    [
        CsvText.Text(contact.Name), "", "", "", "", "", "", "", "", "", CsvText.Text(number), CsvText.Text(contact.Reference), CsvText.Date(date),
        .. due is { } d ? new[] { CsvText.Date(d) } : [], "", CsvText.Text(code), CsvText.Text(description), quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CsvText.Amount(unitMinor, currency), "", account, tax == TaxTreatment.Taxable ? "GST on Income" : "GST Free Income", CsvText.Amount(taxMinor, currency),
        "", "", "", "", currency, "",
    ];
}
