namespace ClinicHip.Domain.Billing;

/// <summary>How a fee is worked out.</summary>
public enum FeeKind
{
    /// <summary>No fee is charged.</summary>
    None,

    /// <summary>A fixed amount.</summary>
    Fixed,

    /// <summary>A share of the price of the appointment type's item.</summary>
    ShareOfPrice,
}

/// <summary>
/// The clinic's fee for a late cancellation or a no-show: none, a fixed amount, or a share (in basis points) of the
/// price the visit would have cost. Only cancellations inside the late-cancellation window are late.
/// </summary>
public sealed record FeePolicy(FeeKind Kind, long FixedMinor, int ShareBasisPoints)
{
    // A new instance each time: EF Core keeps an owned value per owner, so two settings cannot share one.
    public static FeePolicy NoFee => new(FeeKind.None, 0, 0);

    public bool IsSensible => Kind switch
    {
        FeeKind.None => FixedMinor == 0 && ShareBasisPoints == 0,
        FeeKind.Fixed => FixedMinor is > 0 and <= Money.MaxMinor && ShareBasisPoints == 0,
        FeeKind.ShareOfPrice => FixedMinor == 0 && ShareBasisPoints is > 0 and <= TaxRule.BasisPointsPerWhole,
        _ => false,
    };

    /// <summary>The fee for a visit priced at <paramref name="visitPriceMinor"/>, rounded by <see cref="BillingRounding"/>.</summary>
    public long FeeFor(long visitPriceMinor) => Kind switch
    {
        FeeKind.Fixed => FixedMinor,
        FeeKind.ShareOfPrice => BillingRounding.Share(visitPriceMinor, ShareBasisPoints, TaxRule.BasisPointsPerWhole),
        _ => 0,
    };
}
