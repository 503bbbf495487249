namespace ClinicHip.Domain.Billing;

/// <summary>Whether an item attracts the clinic's tax (GST in Australia): health services are usually GST-free, products are not.</summary>
public enum TaxTreatment
{
    GstFree,
    Taxable,
}

/// <summary>A line's amounts after tax is worked out: net plus tax is the gross the patient pays.</summary>
public readonly record struct TaxedAmount(long NetMinor, long TaxMinor, long GrossMinor);

/// <summary>
/// The clinic's tax: a rate in basis points (1000 = 10 %, Australia's GST) applied to taxable lines, with prices
/// entered either including the tax or excluding it (a clinic setting). Rounded per line by <see cref="BillingRounding"/>.
/// </summary>
public sealed record TaxRule(int RateBasisPoints, bool PricesIncludeTax)
{
    public const int BasisPointsPerWhole = 10_000;

    /// <summary>The tax of one line worth <paramref name="amountMinor"/> as priced.</summary>
    public TaxedAmount Apply(long amountMinor, TaxTreatment treatment)
    {
        if (treatment == TaxTreatment.GstFree || RateBasisPoints == 0)
        {
            return new TaxedAmount(amountMinor, 0, amountMinor);
        }

        if (PricesIncludeTax)
        {
            var tax = BillingRounding.Share(amountMinor, RateBasisPoints, BasisPointsPerWhole + RateBasisPoints);
            return new TaxedAmount(amountMinor - tax, tax, amountMinor);
        }

        var added = BillingRounding.Share(amountMinor, RateBasisPoints, BasisPointsPerWhole);
        return new TaxedAmount(amountMinor, added, checked(amountMinor + added));
    }
}
