using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Billing;

/// <summary>
/// The clinic's money settings and the legal details a tax invoice must show. One row, beside the diary's
/// <see cref="Scheduling.ClinicSettings"/>; <see cref="Default"/> is what a new clinic starts with (Australian dollars,
/// GST at 10 % included in prices, no fees).
/// </summary>
public sealed class BillingSettings : AuditableEntity
{
    public const int SingletonId = 1;
    public const int BusinessNameMaxLength = 200;
    public const int TaxIdMaxLength = 40;
    public const int AddressMaxLength = 400;
    public const int ContactMaxLength = 200;
    public const int TaxNameMaxLength = 20;

    private BillingSettings()
    {
        Currency = null!;
        TaxName = null!;
        BusinessName = null!;
        LateCancellationFee = FeePolicy.NoFee;
        NoShowFee = FeePolicy.NoFee;
    }

    public int Id { get; private set; }

    /// <summary>ISO 4217: every amount the clinic bills is in this currency.</summary>
    public string Currency { get; private set; }

    /// <summary>Whether prices are entered including tax (Australia's usual practice) or tax is added on top.</summary>
    public bool PricesIncludeTax { get; private set; }

    /// <summary>The tax rate on taxable items, in basis points (1000 = 10 %).</summary>
    public int TaxRateBasisPoints { get; private set; }

    /// <summary>What the tax is called on documents (GST, VAT).</summary>
    public string TaxName { get; private set; }

    public string BusinessName { get; private set; }

    /// <summary>The business's tax number, e.g. an Australian Business Number (ABN).</summary>
    public string? TaxId { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>An issued invoice falls due this many days after its date.</summary>
    public int PaymentTermsDays { get; private set; }

    public FeePolicy LateCancellationFee { get; private set; }

    public FeePolicy NoShowFee { get; private set; }

    /// <summary>Changes each time the settings are saved; their ETag.</summary>
    public Guid Version { get; private set; }

    public TaxRule Tax => new(TaxRateBasisPoints, PricesIncludeTax);

    public static BillingSettings Default() => new()
    {
        Id = SingletonId,
        Currency = "AUD",
        PricesIncludeTax = true,
        TaxRateBasisPoints = 1000,
        TaxName = "GST",
        BusinessName = "ClinicHip",
        PaymentTermsDays = 14,
        Version = Guid.NewGuid(),
    };

    public void Change(BillingSettingsChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        CheckRule(new BillingSettingsMustBeSensibleRule(change));
        Currency = change.Currency;
        PricesIncludeTax = change.PricesIncludeTax;
        TaxRateBasisPoints = change.TaxRateBasisPoints;
        TaxName = change.TaxName.Trim();
        BusinessName = change.BusinessName.Trim();
        TaxId = Blank(change.TaxId);
        Address = Blank(change.Address);
        Phone = Blank(change.Phone);
        Email = Blank(change.Email);
        PaymentTermsDays = change.PaymentTermsDays;
        LateCancellationFee = change.LateCancellationFee with { };
        NoShowFee = change.NoShowFee with { }; // copies: one owned value per owner, even if the change passed one policy for both
        Version = Guid.NewGuid();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Everything the clinic sets about its money at once.</summary>
public sealed record BillingSettingsChange(
    string Currency, bool PricesIncludeTax, int TaxRateBasisPoints, string TaxName, string BusinessName, string? TaxId, string? Address,
    string? Phone, string? Email, int PaymentTermsDays, FeePolicy LateCancellationFee, FeePolicy NoShowFee);
