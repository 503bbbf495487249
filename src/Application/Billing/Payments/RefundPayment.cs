using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Payments;

/// <summary>
/// Returns money from a payment with the reason: from the part that settled an invoice (whose balance rises again), or,
/// with no invoice, from the credit it left on the account. The payment itself is never changed or deleted.
/// </summary>
/// <param name="AmountMinor">How much, in minor units.</param>
/// <param name="Reason">Why.</param>
/// <param name="InvoiceId">The invoice whose part of the payment goes back; omit to refund the payment's credit.</param>
public sealed record RefundPaymentCommand(long AmountMinor, string Reason, Guid? InvoiceId = null) : IRequest<PaymentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class RefundPaymentValidator : AbstractValidator<RefundPaymentCommand>
{
    public RefundPaymentValidator()
    {
        RuleFor(c => c.AmountMinor).InclusiveBetween(1, Money.MaxMinor);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(PaymentRefund.ReasonMaxLength);
    }
}

public sealed class RefundPaymentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RefundPaymentCommand, PaymentDto>
{
    public async Task<PaymentDto> Handle(RefundPaymentCommand request, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                await db.QueueOnSeriesAsync(DocumentSequence.Receipts, ct);
                var payment = await db.PaymentAsync(request.Id, user, ct);
                Invoice? invoice = null;
                if (request.InvoiceId is { } invoiceId)
                {
                    var id = new InvoiceId(invoiceId);
                    invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id && i.PatientId == payment.PatientId, ct)
                        ?? throw new NotFoundException("Invoice", invoiceId);
                }

                var credit = invoice is null ? await db.AccountCreditAsync(payment.PatientId, ct) : 0;
                payment.Refund(request.AmountMinor, request.Reason, invoice, credit, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                return PaymentDto.From(payment);
            }, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw BillingQueries.ChangedMeanwhile();
        }
    }
}
