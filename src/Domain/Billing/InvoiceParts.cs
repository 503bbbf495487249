namespace ClinicHip.Domain.Billing;

/// <summary>Draft → Issued → PartPaid → Paid; an issued invoice whose whole amount was credited is Credited.</summary>
public enum InvoiceStatus
{
    Draft,
    Issued,
    PartPaid,
    Paid,
    Credited,
}

/// <summary>Why an invoice was raised.</summary>
public enum InvoiceReason
{
    /// <summary>An attended appointment.</summary>
    Visit,

    /// <summary>A cancellation inside the late-cancellation window, under the clinic's fee policy.</summary>
    LateCancellation,

    /// <summary>A no-show, under the clinic's fee policy.</summary>
    NoShow,

    /// <summary>Products or other items sold at the desk.</summary>
    Sale,
}

/// <summary>
/// One line of an invoice, priced when it was added and never repriced: quantity × unit price, its tax worked out by
/// the clinic's <see cref="TaxRule"/> and rounded once for the line.
/// </summary>
/// <param name="ItemId">The price-list item, when the line is one (a fee line names none).</param>
/// <param name="Code">The item's code, as printed and exported.</param>
/// <param name="Description">What was supplied.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPriceMinor">The price of one, as priced (including or excluding tax as the invoice says).</param>
/// <param name="TaxTreatment">Whether tax applies.</param>
/// <param name="NetMinor">The line without tax.</param>
/// <param name="TaxMinor">The line's tax.</param>
/// <param name="AmountMinor">The line with tax: what it adds to the total.</param>
public sealed record InvoiceLine(
    BillableItemId? ItemId, string Code, string Description, int Quantity, long UnitPriceMinor, TaxTreatment TaxTreatment,
    long NetMinor, long TaxMinor, long AmountMinor)
{
    public const int MaxQuantity = 999;
    public const int DescriptionMaxLength = 200;
}

/// <summary>A credit note: a correction of an issued invoice, with its own number; a void is a credit note for the whole.</summary>
/// <param name="Id">The credit note.</param>
/// <param name="Number">Its number, from the credit-note series.</param>
/// <param name="AmountMinor">How much of the invoice it cancels, tax included.</param>
/// <param name="TaxMinor">The tax share of that amount.</param>
/// <param name="Reason">Why.</param>
/// <param name="IssuedAtUtc">When.</param>
/// <param name="IssuedOn">The date it bears, on the clinic's clock.</param>
public sealed record CreditNote(Guid Id, string Number, long AmountMinor, long TaxMinor, string Reason, DateTime IssuedAtUtc, DateOnly IssuedOn)
{
    public const int ReasonMaxLength = 500;
}
