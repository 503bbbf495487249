using ClinicHip.Domain.Billing;

namespace ClinicHip.Application.Billing;

/// <summary>
/// An invoice as the invoice.* webhooks carry it: its ids, and the figures a bookkeeping integration needs (amounts in
/// minor units of the currency, numbers, dates, payer and items). Never clinical content.
/// </summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="PayerId">The payer billed instead of the patient; null when the patient is billed.</param>
/// <param name="ClinicianId">The clinician whose service it bills; null for a sale.</param>
/// <param name="AppointmentId">The visit, late cancellation or no-show it bills; null for a sale.</param>
/// <param name="Number">The invoice number.</param>
/// <param name="Status">Draft, Issued, PartPaid, Paid or Credited, after the event.</param>
/// <param name="Reason">Visit, LateCancellation, NoShow or Sale.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="NetMinor">The total without tax.</param>
/// <param name="TaxMinor">The tax.</param>
/// <param name="TotalMinor">The total with tax.</param>
/// <param name="CreditedMinor">Credited by credit notes so far.</param>
/// <param name="PaidMinor">Paid so far.</param>
/// <param name="RefundedMinor">Refunded from what was paid.</param>
/// <param name="BalanceMinor">Still owed: total − credited − paid + refunded.</param>
/// <param name="IssuedOn">The invoice's date on the clinic's clock.</param>
/// <param name="DueOn">When it falls due.</param>
/// <param name="BillTo">Patient, or Payer when another payer is billed.</param>
/// <param name="Items">The lines.</param>
/// <param name="CreditNote">The credit note, on invoice.credited.</param>
public sealed record InvoiceEventData(
    Guid InvoiceId, Guid PatientId, Guid? PayerId, Guid? ClinicianId, Guid? AppointmentId,
    string? Number, string Status, string Reason, string Currency, long NetMinor, long TaxMinor, long TotalMinor, long CreditedMinor, long PaidMinor,
    long RefundedMinor, long BalanceMinor, DateOnly? IssuedOn, DateOnly? DueOn, string BillTo, IReadOnlyList<BookkeepingItem> Items,
    BookkeepingCreditNote? CreditNote)
{
    public static InvoiceEventData From(InvoiceSnapshot invoice, CreditNote? creditNote = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceEventData(
            invoice.InvoiceId.Value, invoice.PatientId.Value, invoice.PayerId?.Value, invoice.ClinicianId?.Value, invoice.AppointmentId?.Value,
            invoice.Number, invoice.Status.ToString(), invoice.Reason.ToString(), invoice.Currency, invoice.NetMinor, invoice.TaxMinor, invoice.TotalMinor,
            invoice.CreditedMinor, invoice.PaidMinor, invoice.RefundedMinor, invoice.BalanceMinor, invoice.IssuedOn, invoice.DueOn,
            invoice.PayerId is null ? "Patient" : "Payer",
            [.. invoice.Lines.Select(l => new BookkeepingItem(l.Code, l.Description, l.Quantity, l.UnitPriceMinor, l.TaxTreatment.ToString(), l.NetMinor, l.TaxMinor, l.AmountMinor))],
            creditNote is null ? null : new BookkeepingCreditNote(creditNote.Number, creditNote.AmountMinor, creditNote.TaxMinor, creditNote.IssuedOn));
    }
}

/// <summary>An invoice line.</summary>
public sealed record BookkeepingItem(
    string Code, string Description, int Quantity, long UnitPriceMinor, string TaxTreatment, long NetMinor, long TaxMinor, long AmountMinor);

/// <summary>A credit note (its reason stays in ClinicHip: it may mention the patient's circumstances).</summary>
public sealed record BookkeepingCreditNote(string Number, long AmountMinor, long TaxMinor, DateOnly IssuedOn);

/// <summary>A payment as the payment.* webhooks carry it: its ids and what bookkeeping needs.</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="PayerId">The payer that paid; null when the patient paid.</param>
/// <param name="Number">The receipt number.</param>
/// <param name="Method">Cash, Card, BankTransfer, Voucher, PatientCredit or Online.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="AmountMinor">The amount received.</param>
/// <param name="RefundedMinor">Refunded from it so far.</param>
/// <param name="UnallocatedMinor">Not settling an invoice: credit on the patient's account.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="PaidBy">Patient, or Payer.</param>
/// <param name="Allocations">The invoices it settles.</param>
/// <param name="Refund">The refund, on payment.refunded.</param>
public sealed record PaymentEventData(
    Guid PaymentId, Guid PatientId, Guid? PayerId,
    string Number, string Method, string Currency, long AmountMinor, long RefundedMinor, long UnallocatedMinor, DateTimeOffset ReceivedAt, string PaidBy,
    IReadOnlyList<BookkeepingAllocation> Allocations, BookkeepingRefund? Refund)
{
    public static PaymentEventData From(PaymentSnapshot payment, PaymentRefund? refund = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentEventData(
            payment.PaymentId.Value, payment.PatientId.Value, payment.PayerId?.Value,
            payment.Number, payment.Method.ToString(), payment.Currency, payment.AmountMinor, payment.RefundedMinor, payment.UnallocatedMinor,
            new DateTimeOffset(payment.ReceivedAtUtc, TimeSpan.Zero), payment.PayerId is null ? "Patient" : "Payer",
            [.. payment.Allocations.Select(a => new BookkeepingAllocation(a.InvoiceId.Value, a.AmountMinor))],
            refund is null ? null : new BookkeepingRefund(refund.AmountMinor, refund.InvoiceId?.Value, new DateTimeOffset(refund.RefundedAtUtc, TimeSpan.Zero)));
    }
}

/// <summary>The part of a payment that settles one invoice.</summary>
public sealed record BookkeepingAllocation(Guid InvoiceId, long AmountMinor);

/// <summary>A refund: how much, from which invoice's part (none: from the account's credit), when.</summary>
public sealed record BookkeepingRefund(long AmountMinor, Guid? InvoiceId, DateTimeOffset RefundedAt);
