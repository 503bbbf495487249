using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Billing;

/// <summary>How a payment was made.</summary>
public enum PaymentMethod
{
    Cash,

    /// <summary>A card at the desk's terminal (EFTPOS).</summary>
    Card,
    BankTransfer,
    Voucher,

    /// <summary>Drawn from the credit on the patient's account (earlier overpayments).</summary>
    PatientCredit,

    /// <summary>A card on the payment provider's page; only the provider's ids are kept.</summary>
    Online,
}

/// <summary>The part of a payment that settles one invoice. Never changed: a refund from it is a refund naming the invoice.</summary>
public sealed record PaymentAllocation(InvoiceId InvoiceId, long AmountMinor);

/// <summary>Money going back to the payer, with the reason; from an invoice's part of the payment, or from its unallocated credit.</summary>
public sealed record PaymentRefund(Guid Id, long AmountMinor, string Reason, InvoiceId? InvoiceId, DateTime RefundedAtUtc)
{
    public const int ReasonMaxLength = 500;
}

/// <summary>
/// Money received from a patient or their payer, settling one or more of the patient's invoices; what it does not
/// allocate is credit on the patient's account. Never edited or deleted: a mistake is reversed with a refund. The sum of
/// its allocations never exceeds it, and refunds never exceed what they return from.
/// </summary>
public sealed class Payment : AuditableEntity, IChangeFeedEntity
{
    public const int ReferenceMaxLength = 100;

    private readonly List<PaymentAllocation> allocations = [];
    private readonly List<PaymentRefund> refunds = [];

    private Payment()
    {
        Number = null!;
        Currency = null!;
    }

    public PaymentId Id { get; private set; }

    /// <summary>The receipt number (RCT-000103).</summary>
    public string Number { get; private set; }

    public long SequenceNumber { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>Who paid when not the patient.</summary>
    public PayerId? PayerId { get; private set; }

    public PaymentMethod Method { get; private set; }

    public string Currency { get; private set; }

    public long AmountMinor { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>The terminal's receipt, a transfer's reference, a voucher's code, a provider's payment id.</summary>
    public string? Reference { get; private set; }

    public IReadOnlyList<PaymentAllocation> Allocations => allocations;

    public IReadOnlyList<PaymentRefund> Refunds => refunds;

    public long RefundedMinor => refunds.Sum(r => r.AmountMinor);

    /// <summary>What is neither settling an invoice nor refunded: the patient's credit from this payment.</summary>
    public long UnallocatedMinor => AmountMinor - allocations.Sum(a => a.AmountMinor) - refunds.Where(r => r.InvoiceId is null).Sum(r => r.AmountMinor);

    public DateTime ChangedAtUtc { get; private set; }

    /// <summary>
    /// Records a payment and settles <paramref name="settles"/> with it, each at most its balance; the rest is credit on
    /// the patient's account. A payment from credit must be spent whole and at most the credit available.
    /// </summary>
    public static Payment Receive(
        long receiptNumber, PatientId patientId, PayerId? payerId, PaymentMethod method, long amountMinor, string currency, string? reference,
        IReadOnlyList<(Invoice Invoice, long AmountMinor)> settles, long availableCreditMinor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settles);
        CheckRule(new PaymentAmountMustBeSensibleRule(amountMinor));
        CheckRule(new AllocationsMustNotExceedThePaymentRule(amountMinor, settles.Select(s => s.AmountMinor)));
        CheckRule(new CreditPaymentMustBeCoveredAndSpentRule(method, amountMinor, settles.Sum(s => s.AmountMinor), availableCreditMinor));
        CheckRule(new EachInvoiceSettledOnceRule(settles.Select(s => s.Invoice.Id)));

        // Every part is checked before any invoice moves, so a refusal leaves every invoice as it was.
        foreach (var (invoice, amount) in settles)
        {
            CheckRule(new InvoiceMustBelongToThePayerRule(invoice, patientId, currency));
            invoice.CheckCanReceive(amount);
        }

        var payment = new Payment
        {
            Id = PaymentId.New(),
            SequenceNumber = receiptNumber,
            Number = DocumentSequence.Format(DocumentSequence.Receipts, receiptNumber),
            PatientId = patientId,
            PayerId = payerId,
            Method = method,
            Currency = new Money(amountMinor, currency).Currency,
            AmountMinor = amountMinor,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            ReceivedAtUtc = nowUtc,
            ChangedAtUtc = nowUtc,
        };
        foreach (var (invoice, amount) in settles)
        {
            invoice.ReceivePayment(amount, nowUtc);
            payment.allocations.Add(new PaymentAllocation(invoice.Id, amount));
        }

        payment.Raise(new PaymentReceived(payment.Snapshot(), nowUtc));
        return payment;
    }

    /// <summary>
    /// Returns <paramref name="amountMinor"/> to the payer: from the part that settled <paramref name="invoice"/> (whose
    /// balance rises again), or, with no invoice, from the payment's unallocated credit, as far as the patient's account
    /// still holds it (<paramref name="accountCreditMinor"/>: credit already spent on invoices is not refunded again).
    /// </summary>
    public PaymentRefund Refund(long amountMinor, string reason, Invoice? invoice, long accountCreditMinor, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckStateRule(new CreditPaymentsAreNotRefundedRule(Method));
        if (invoice is null)
        {
            CheckRule(new RefundMustFitRule(amountMinor, Math.Min(UnallocatedMinor, accountCreditMinor)));
        }
        else
        {
            var allocation = allocations.Find(a => a.InvoiceId == invoice.Id)
                ?? throw new StateConflictException("payment.not-allocated", "This payment did not settle that invoice.");
            CheckRule(new RefundMustFitRule(amountMinor, allocation.AmountMinor - RefundedFrom(invoice.Id)));
            invoice.ReturnPayment(amountMinor);
        }

        var refund = new PaymentRefund(Guid.CreateVersion7(), amountMinor, reason.Trim(), invoice?.Id, nowUtc);
        refunds.Add(refund);
        ChangedAtUtc = nowUtc;
        Raise(new PaymentRefunded(Snapshot(), refund, nowUtc));
        return refund;
    }

    /// <summary>
    /// Brings what this payment has refunded up to <paramref name="totalRefundedMinor"/>, the total a provider reports:
    /// the difference goes back from the invoices' parts first (their balances rise), then from the credit. Returns
    /// false when nothing was left to refund (an earlier total arriving late).
    /// </summary>
    public bool RefundUpTo(
        long totalRefundedMinor, string reason, IReadOnlyDictionary<InvoiceId, Invoice> settled, long accountCreditMinor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settled);
        var outstanding = totalRefundedMinor - RefundedMinor;
        if (outstanding <= 0)
        {
            return false;
        }

        foreach (var allocation in allocations.ToList())
        {
            var fromInvoice = Math.Min(outstanding, allocation.AmountMinor - RefundedFrom(allocation.InvoiceId));
            if (fromInvoice > 0)
            {
                Refund(fromInvoice, reason, settled[allocation.InvoiceId], 0, nowUtc);
                outstanding -= fromInvoice;
            }
        }

        if (outstanding > 0)
        {
            Refund(outstanding, reason, null, accountCreditMinor, nowUtc);
        }

        return true;
    }

    /// <summary>What was refunded from the part of this payment that settled <paramref name="invoice"/>.</summary>
    public long RefundedFrom(InvoiceId invoice) => refunds.Where(r => r.InvoiceId == invoice).Sum(r => r.AmountMinor);

    public PaymentSnapshot Snapshot() => new(
        Id, Number, PatientId, PayerId, Method, Currency, AmountMinor, RefundedMinor, UnallocatedMinor, ReceivedAtUtc, [.. allocations]);
}
