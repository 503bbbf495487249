using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Billing.Rules;

public sealed class BillingSettingsMustBeSensibleRule(BillingSettingsChange change) : IBusinessRule
{
    public const int MaxPaymentTermsDays = 365;

    public string Code => "billing.settings-invalid";

    public string Message =>
        "Billing settings need an ISO 4217 currency, a tax rate from 0 to 100 % (in basis points), payment terms of 0 to 365 days, " +
        "and fees that are either none, a fixed positive amount, or a share from 0.01 % to 100 % of the visit's price.";

    public bool IsBroken() =>
        !Money.IsCurrencyCode(change.Currency)
        || change.TaxRateBasisPoints is < 0 or > TaxRule.BasisPointsPerWhole
        || change.PaymentTermsDays is < 0 or > MaxPaymentTermsDays
        || string.IsNullOrWhiteSpace(change.BusinessName) || string.IsNullOrWhiteSpace(change.TaxName)
        || !change.LateCancellationFee.IsSensible || !change.NoShowFee.IsSensible;
}
