using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Billing.Rules;

public sealed class PriceMustBeWithinBoundsRule(long priceMinor) : IBusinessRule
{
    public string Code => "billing.amount-out-of-range";

    public string Message => $"An amount is from 0 to {Money.MaxMinor} minor units.";

    public bool IsBroken() => priceMinor is < 0 or > Money.MaxMinor;
}
