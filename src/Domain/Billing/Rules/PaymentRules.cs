using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Billing.Rules;

public sealed class PaymentAmountMustBeSensibleRule(long amountMinor) : IBusinessRule
{
    public string Code => "billing.amount-out-of-range";

    public string Message => $"A payment is from 1 to {Money.MaxMinor} minor units.";

    public bool IsBroken() => amountMinor is < 1 or > Money.MaxMinor;
}

public sealed class AllocationsMustNotExceedThePaymentRule(long amountMinor, IEnumerable<long> allocations) : IBusinessRule
{
    public string Code => "payment.over-allocated";

    public string Message => "A payment settles invoices with at most its own amount, each part at least 1 minor unit.";

    public bool IsBroken()
    {
        var parts = allocations.ToList();
        return parts.Exists(p => p < 1) || parts.Aggregate(0L, (sum, p) => sum + Math.Min(p, Money.MaxMinor)) > amountMinor;
    }
}

public sealed class CreditPaymentMustBeCoveredAndSpentRule(PaymentMethod method, long amountMinor, long allocatedMinor, long availableCreditMinor) : IBusinessRule
{
    public string Code => "payment.credit-insufficient";

    public string Message => $"A payment from the patient's credit settles invoices with all of it and at most the credit available ({availableCreditMinor} minor units).";

    public bool IsBroken() => method == PaymentMethod.PatientCredit && (amountMinor > availableCreditMinor || allocatedMinor != amountMinor);
}

public sealed class InvoiceMustBelongToThePayerRule(Invoice invoice, PatientId patientId, string currency) : IBusinessRule
{
    public string Code => "payment.invoice-mismatch";

    public string Message => $"Invoice {invoice.Number ?? "(draft)"} is another patient's account or in another currency.";

    public bool IsBroken() => invoice.PatientId != patientId || invoice.Currency != currency;
}

public sealed class RefundMustFitRule(long amountMinor, long refundableMinor) : IBusinessRule
{
    public string Code => "payment.refund-exceeds-payment";

    public string Message => $"This refund may return from 1 to {refundableMinor} minor units.";

    public bool IsBroken() => amountMinor < 1 || amountMinor > refundableMinor;
}

public sealed class CreditPaymentsAreNotRefundedRule(PaymentMethod method) : IBusinessRule
{
    public string Code => "payment.credit-not-refundable";

    public string Message => "A payment from the patient's credit is not refunded: refund the payment the credit came from.";

    public bool IsBroken() => method == PaymentMethod.PatientCredit;
}

public sealed class EachInvoiceSettledOnceRule(IEnumerable<InvoiceId> invoices) : IBusinessRule
{
    public string Code => "payment.invoice-repeated";

    public string Message => "A payment names each invoice it settles once.";

    public bool IsBroken()
    {
        var ids = invoices.ToList();
        return ids.Distinct().Count() != ids.Count;
    }
}
