using ClinicHip.Domain.Billing;

namespace ClinicHip.Application.Billing;

/// <summary>An invoice. Amounts are whole minor units (cents) of <c>currency</c>.</summary>
/// <param name="Id">The invoice.</param>
/// <param name="Number">INV-000042 once issued; null while a draft.</param>
/// <param name="Status">Draft, Issued, PartPaid, Paid or Credited.</param>
/// <param name="Reason">Visit, LateCancellation, NoShow or Sale.</param>
/// <param name="PatientId">The patient the care or sale was for.</param>
/// <param name="PayerId">The payer billed instead of the patient, if any.</param>
/// <param name="ClinicianId">The practitioner whose service it bills, if any.</param>
/// <param name="AppointmentId">The appointment it bills, if any.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="PricesIncludeTax">Whether the unit prices include tax.</param>
/// <param name="NetMinor">Total without tax.</param>
/// <param name="TaxMinor">Tax.</param>
/// <param name="TotalMinor">Total with tax.</param>
/// <param name="CreditedMinor">Credited by credit notes.</param>
/// <param name="PaidMinor">Paid.</param>
/// <param name="RefundedMinor">Refunded from what was paid.</param>
/// <param name="BalanceMinor">Owed: total − credited − paid + refunded.</param>
/// <param name="IssuedOn">The invoice's date on the clinic's clock.</param>
/// <param name="DueOn">When it falls due.</param>
/// <param name="Lines">The lines.</param>
/// <param name="CreditNotes">Credit notes against it.</param>
/// <param name="UpdatedAt">When it last changed (the change feed's order).</param>
public sealed record InvoiceDto(
    Guid Id, string? Number, InvoiceStatus Status, InvoiceReason Reason, Guid PatientId, Guid? PayerId, Guid? ClinicianId, Guid? AppointmentId,
    string Currency, bool PricesIncludeTax, long NetMinor, long TaxMinor, long TotalMinor, long CreditedMinor, long PaidMinor, long RefundedMinor,
    long BalanceMinor, DateOnly? IssuedOn, DateOnly? DueOn, IReadOnlyList<InvoiceLineDto> Lines, IReadOnlyList<CreditNoteDto> CreditNotes,
    DateTimeOffset UpdatedAt)
{
    public static InvoiceDto From(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceDto(
            invoice.Id.Value, invoice.Number, invoice.Status, invoice.Reason, invoice.PatientId.Value, invoice.PayerId?.Value, invoice.ClinicianId?.Value,
            invoice.AppointmentId?.Value, invoice.Currency, invoice.PricesIncludeTax, invoice.NetMinor, invoice.TaxMinor, invoice.TotalMinor,
            invoice.CreditedMinor, invoice.PaidMinor, invoice.RefundedMinor, invoice.BalanceMinor, invoice.IssuedOn, invoice.DueOn,
            [.. invoice.Lines.Select(l => new InvoiceLineDto(l.ItemId?.Value, l.Code, l.Description, l.Quantity, l.UnitPriceMinor, l.TaxTreatment, l.NetMinor, l.TaxMinor, l.AmountMinor))],
            [.. invoice.CreditNotes.Select(n => new CreditNoteDto(n.Id, n.Number, n.AmountMinor, n.TaxMinor, n.Reason, n.IssuedOn))],
            new DateTimeOffset(invoice.ChangedAtUtc, TimeSpan.Zero));
    }
}

/// <summary>One line: quantity × unit price, with its tax.</summary>
public sealed record InvoiceLineDto(
    Guid? ItemId, string Code, string Description, int Quantity, long UnitPriceMinor, TaxTreatment TaxTreatment, long NetMinor, long TaxMinor, long AmountMinor);

/// <summary>A credit note against the invoice.</summary>
public sealed record CreditNoteDto(Guid Id, string Number, long AmountMinor, long TaxMinor, string Reason, DateOnly IssuedOn);
