using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Billing.Rules;

public sealed class OnlyDraftsChangeRule(InvoiceStatus status) : IBusinessRule
{
    public string Code => "invoice.not-draft";

    public string Message => $"An {status} invoice never changes: correct it with a credit note.";

    public bool IsBroken() => status != InvoiceStatus.Draft;
}

public sealed class InvoiceNeedsLinesRule(int lineCount) : IBusinessRule
{
    public const int MaxLines = 100;

    public string Code => "invoice.lines-invalid";

    public string Message => $"An invoice has 1 to {MaxLines} lines.";

    public bool IsBroken() => lineCount is < 1 or > MaxLines;
}

public sealed class LineMustBeSensibleRule(int quantity, long unitPriceMinor) : IBusinessRule
{
    public string Code => "invoice.line-invalid";

    public string Message => $"A line has a quantity of 1 to {InvoiceLine.MaxQuantity} and a unit price of 0 to {Money.MaxMinor} minor units.";

    public bool IsBroken() => quantity is < 1 or > InvoiceLine.MaxQuantity || unitPriceMinor is < 0 or > Money.MaxMinor;
}

public sealed class InvoiceTotalMustBeWithinBoundsRule(long totalMinor) : IBusinessRule
{
    public string Code => "billing.amount-out-of-range";

    public string Message => $"An invoice's total is at most {Money.MaxMinor} minor units.";

    public bool IsBroken() => totalMinor > Money.MaxMinor;
}

public sealed class MustBeIssuedAndOpenRule(InvoiceStatus status, string action) : IBusinessRule
{
    public string Code => "invoice.not-open";

    public string Message => $"Only an issued invoice with a balance can {action}; this one is {status}.";

    public bool IsBroken() => status is not (InvoiceStatus.Issued or InvoiceStatus.PartPaid);
}

public sealed class AmountMustFitTheBalanceRule(long amountMinor, long balanceMinor) : IBusinessRule
{
    public string Code => "invoice.amount-exceeds-balance";

    public string Message => $"The amount must be from 1 to the invoice's balance ({balanceMinor} minor units).";

    public bool IsBroken() => amountMinor < 1 || amountMinor > balanceMinor;
}

public sealed class VoidNeedsNothingPaidRule(long netPaidMinor) : IBusinessRule
{
    public string Code => "invoice.paid-refund-first";

    public string Message => "Payments on this invoice must be refunded before it is voided or credited beyond its balance.";

    public bool IsBroken() => netPaidMinor > 0;
}
