using ClinicHip.Domain.Billing;

namespace ClinicHip.Application.Billing;

/// <summary>An item of the price list; prices in minor units, including or excluding tax as the billing settings say.</summary>
public sealed record BillableItemDto(
    Guid Id, string Code, string Name, long PriceMinor, TaxTreatment TaxTreatment, BillableItemKind Kind, bool IsActive,
    IReadOnlyList<ClinicianPriceDto> ClinicianPrices)
{
    public static BillableItemDto From(BillableItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new BillableItemDto(
            item.Id.Value, item.Code, item.Name, item.PriceMinor, item.TaxTreatment, item.Kind, item.IsActive,
            [.. item.ClinicianPrices.Select(p => new ClinicianPriceDto(p.ClinicianId.Value, p.PriceMinor))]);
    }
}

/// <summary>A clinician's own price for an item.</summary>
public sealed record ClinicianPriceDto(Guid ClinicianId, long PriceMinor);

/// <summary>A concession price list.</summary>
public sealed record ConcessionPriceListDto(Guid Id, string Name, bool IsActive, IReadOnlyList<ConcessionPriceDto> Prices)
{
    public static ConcessionPriceListDto From(ConcessionPriceList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new ConcessionPriceListDto(list.Id.Value, list.Name, list.IsActive, [.. list.Prices.Select(p => new ConcessionPriceDto(p.ItemId.Value, p.PriceMinor))]);
    }
}

/// <summary>A concession's price for one item.</summary>
public sealed record ConcessionPriceDto(Guid ItemId, long PriceMinor);

/// <summary>The clinic's billing settings and legal details.</summary>
public sealed record BillingSettingsDto(
    string Currency, bool PricesIncludeTax, int TaxRateBasisPoints, string TaxName, string BusinessName, string? TaxId, string? Address, string? Phone,
    string? Email, int PaymentTermsDays, FeePolicyDto LateCancellationFee, FeePolicyDto NoShowFee)
{
    public static BillingSettingsDto From(BillingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new BillingSettingsDto(
            settings.Currency, settings.PricesIncludeTax, settings.TaxRateBasisPoints, settings.TaxName, settings.BusinessName, settings.TaxId, settings.Address,
            settings.Phone, settings.Email, settings.PaymentTermsDays, FeePolicyDto.From(settings.LateCancellationFee), FeePolicyDto.From(settings.NoShowFee));
    }
}

/// <summary>A fee: None; Fixed (fixedMinor); or ShareOfPrice (shareBasisPoints of the visit's price, 5000 = half).</summary>
public sealed record FeePolicyDto(FeeKind Kind, long FixedMinor = 0, int ShareBasisPoints = 0)
{
    public static FeePolicyDto From(FeePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new FeePolicyDto(policy.Kind, policy.FixedMinor, policy.ShareBasisPoints);
    }

    public FeePolicy ToPolicy() => new(Kind, FixedMinor, ShareBasisPoints);
}

/// <summary>A payer: someone other than the patient who is billed.</summary>
public sealed record PayerDto(Guid Id, Guid PatientId, PayerKind Kind, string Name, string? Email, string? Phone, string? Address, string? Reference, bool IsActive)
{
    public static PayerDto From(Payer payer)
    {
        ArgumentNullException.ThrowIfNull(payer);
        return new PayerDto(payer.Id.Value, payer.PatientId.Value, payer.Kind, payer.Name, payer.Email, payer.Phone, payer.Address, payer.Reference, payer.IsActive);
    }
}
