namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Renders the documents a clinic's money needs (invoice, credit note, receipt, statement) as PDF.</summary>
public interface IBillingDocuments
{
    /// <summary>The document as a PDF file.</summary>
    byte[] RenderPdf(BillingDocument document);
}

/// <summary>Which document.</summary>
public enum BillingDocumentKind
{
    /// <summary>A tax invoice.</summary>
    Invoice,

    /// <summary>A credit note against an invoice.</summary>
    CreditNote,

    /// <summary>A receipt for one payment.</summary>
    Receipt,

    /// <summary>A statement of a patient's or payer's account over a period.</summary>
    Statement,
}

/// <summary>Everything printed on a billing document, already worked out: the renderer adds no arithmetic.</summary>
/// <param name="Kind">Which document.</param>
/// <param name="Number">Its number (invoice, credit note or receipt number; a statement's date range).</param>
/// <param name="IssuedOn">The date it bears, on the clinic's clock.</param>
/// <param name="Clinic">The clinic's legal details.</param>
/// <param name="BillTo">Who pays: the patient, or another payer.</param>
/// <param name="PatientName">The patient the care was for.</param>
/// <param name="Practitioner">The practitioner and their provider number, when one provided the care.</param>
/// <param name="Lines">The items, payments or account lines.</param>
/// <param name="Totals">The totals, in minor units.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Note">A line of free text (a credit note's reason, a due date).</param>
public sealed record BillingDocument(
    BillingDocumentKind Kind, string Number, DateOnly IssuedOn, ClinicLegalDetails Clinic, string BillTo, string PatientName,
    PractitionerDetails? Practitioner, IReadOnlyList<BillingDocumentLine> Lines, BillingDocumentTotals Totals, string Currency,
    string? Note = null);

/// <summary>What an invoice must show of the business.</summary>
/// <param name="BusinessName">The legal or trading name.</param>
/// <param name="TaxId">The business's tax id, e.g. an ABN.</param>
/// <param name="Address">The address; each line on its own line.</param>
/// <param name="Phone">The clinic's phone.</param>
/// <param name="Email">The clinic's email.</param>
/// <param name="TaxIdLabel">What the tax id is called where the clinic is, printed before it (<c>ABN</c> in Australia).</param>
public sealed record ClinicLegalDetails(string BusinessName, string? TaxId, string? Address, string? Phone, string? Email, string TaxIdLabel = "Tax id");

/// <summary>The practitioner on a document.</summary>
public sealed record PractitionerDetails(string Name, string? ProviderNumber);

/// <summary>One line: an item (quantity × unit price, its tax), a payment, or an account movement.</summary>
public sealed record BillingDocumentLine(
    DateOnly? Date, string? Code, string Description, int? Quantity, long? UnitPriceMinor, long TaxMinor, long AmountMinor);

/// <summary>
/// The totals printed at the foot, in minor units. Their labels follow the kind: an invoice's subtotal, tax, total,
/// paid and balance due; a credit note's total credited, refunded and credit remaining; a receipt's total, amount
/// received and balance still due; a statement's invoiced, paid and credited, and balance due.
/// </summary>
public sealed record BillingDocumentTotals(long SubtotalMinor, long TaxMinor, long TotalMinor, long PaidMinor, long BalanceMinor);
