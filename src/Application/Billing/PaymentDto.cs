using ClinicHip.Domain.Billing;

namespace ClinicHip.Application.Billing;

/// <summary>A payment (a receipt). Amounts are whole minor units of <c>currency</c>.</summary>
/// <param name="Id">The payment.</param>
/// <param name="Number">The receipt number, RCT-000103.</param>
/// <param name="PatientId">Whose account it was paid into.</param>
/// <param name="PayerId">Who paid, when not the patient.</param>
/// <param name="Method">Cash, Card, BankTransfer, Voucher, PatientCredit or Online.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="AmountMinor">The amount received.</param>
/// <param name="RefundedMinor">Refunded from it.</param>
/// <param name="UnallocatedMinor">Not settling an invoice: credit on the patient's account.</param>
/// <param name="ReceivedAt">When.</param>
/// <param name="Reference">The terminal's receipt, a transfer's reference, a voucher's code.</param>
/// <param name="Allocations">The invoices it settles.</param>
/// <param name="Refunds">The refunds from it.</param>
/// <param name="UpdatedAt">When it last changed (the change feed's order).</param>
public sealed record PaymentDto(
    Guid Id, string Number, Guid PatientId, Guid? PayerId, PaymentMethod Method, string Currency, long AmountMinor, long RefundedMinor, long UnallocatedMinor,
    DateTimeOffset ReceivedAt, string? Reference, IReadOnlyList<PaymentAllocationDto> Allocations, IReadOnlyList<PaymentRefundDto> Refunds, DateTimeOffset UpdatedAt)
{
    public static PaymentDto From(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentDto(
            payment.Id.Value, payment.Number, payment.PatientId.Value, payment.PayerId?.Value, payment.Method, payment.Currency, payment.AmountMinor,
            payment.RefundedMinor, payment.UnallocatedMinor, new DateTimeOffset(payment.ReceivedAtUtc, TimeSpan.Zero), payment.Reference,
            [.. payment.Allocations.Select(a => new PaymentAllocationDto(a.InvoiceId.Value, a.AmountMinor, payment.RefundedFrom(a.InvoiceId)))],
            [.. payment.Refunds.Select(r => new PaymentRefundDto(r.Id, r.AmountMinor, r.Reason, r.InvoiceId?.Value, new DateTimeOffset(r.RefundedAtUtc, TimeSpan.Zero)))],
            new DateTimeOffset(payment.ChangedAtUtc, TimeSpan.Zero));
    }
}

/// <summary>The part of the payment that settles one invoice, and what was refunded from that part.</summary>
public sealed record PaymentAllocationDto(Guid InvoiceId, long AmountMinor, long RefundedMinor);

/// <summary>A refund: from an invoice's part of the payment, or (no invoice) from its credit.</summary>
public sealed record PaymentRefundDto(Guid Id, long AmountMinor, string Reason, Guid? InvoiceId, DateTimeOffset RefundedAt);
