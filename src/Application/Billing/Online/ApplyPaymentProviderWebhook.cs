using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Online;

/// <summary>
/// A payment provider's webhook: verified with the provider's own signature scheme, then applied once. A paid checkout
/// records an online payment that settles the invoice (what the invoice no longer owes becomes credit on the account); a
/// refund made at the provider is recorded up to the total it reports. The event's id, and the checkout's own record of
/// its payment, make a repeated, concurrent or late event change nothing.
/// </summary>
/// <param name="Payload">The request body, exactly as received (the signature covers its bytes).</param>
/// <param name="Signature">The provider's signature header.</param>
public sealed record ApplyPaymentProviderWebhookCommand(string Payload, string? Signature) : IRequest<ProviderEventOutcomeDto>;

/// <summary>What the event did.</summary>
/// <param name="Outcome">paid, refunded, ignored, already-applied, already-settled, not-ours or nothing-to-refund.</param>
/// <param name="PaymentId">The payment it recorded or refunded, when there is one.</param>
/// <param name="PatientId">Whose payment.</param>
public sealed record ProviderEventOutcomeDto(string Outcome, Guid? PaymentId = null, Guid? PatientId = null);

public sealed class ApplyPaymentProviderWebhookHandler(IApplicationDbContext db, TimeProvider clock, IEnumerable<IPaymentProvider> providers)
    : IRequestHandler<ApplyPaymentProviderWebhookCommand, ProviderEventOutcomeDto>
{
    public async Task<ProviderEventOutcomeDto> Handle(ApplyPaymentProviderWebhookCommand request, CancellationToken cancellationToken)
    {
        var provider = providers.FirstOrDefault() ?? throw new NotFoundException("Payment provider", Guid.Empty);
        var received = provider.ReadWebhook(request.Payload, request.Signature);
        if (received.Kind == ProviderPaymentEventKind.Ignored)
        {
            return new ProviderEventOutcomeDto("ignored");
        }

        try
        {
            return await db.InTransactionAsync(ct => ApplyAsync(provider.Name, received, ct), cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // The same event, delivered twice at once: the other delivery applied it.
            db.ClearChangeTracker();
            return new ProviderEventOutcomeDto("already-applied");
        }
    }

    private async Task<ProviderEventOutcomeDto> ApplyAsync(string providerName, ProviderPaymentEvent received, CancellationToken cancellationToken)
    {
        // The receipts series' lock first: payments, refunds and this event then queue on every instance.
        await db.QueueOnSeriesAsync(DocumentSequence.Receipts, cancellationToken);
        if (await db.ProviderPaymentEvents.AnyAsync(e => e.Provider == providerName && e.EventId == received.ProviderEventId, cancellationToken))
        {
            return new ProviderEventOutcomeDto("already-applied");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = received.Kind == ProviderPaymentEventKind.CheckoutPaid
            ? await SettleCheckoutAsync(providerName, received, now, cancellationToken)
            : await RefundAsync(providerName, received, now, cancellationToken);
        db.ProviderPaymentEvents.Add(new ProviderPaymentEventRecord
        {
            Provider = providerName, EventId = received.ProviderEventId, Outcome = outcome.Outcome, ReceivedAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task<ProviderEventOutcomeDto> SettleCheckoutAsync(string providerName, ProviderPaymentEvent paid, DateTime now, CancellationToken cancellationToken)
    {
        var checkout = paid.ProviderSessionId is null ? null
            : await db.InvoiceCheckouts.SingleOrDefaultAsync(c => c.Provider == providerName && c.ProviderSessionId == paid.ProviderSessionId, cancellationToken);

        // A session ClinicHip did not open (another integration on the same account), or one for another invoice than it names.
        if (checkout is null || (paid.InvoiceId is { } named && named != checkout.InvoiceId.Value) || paid.Currency != checkout.Currency)
        {
            return new ProviderEventOutcomeDto("not-ours");
        }

        if (checkout.IsSettled)
        {
            // Another event about the same session (completed, then async succeeded) already recorded its payment.
            return new ProviderEventOutcomeDto("already-settled", checkout.PaymentId!.Value.Value, checkout.PatientId.Value);
        }

        var number = await db.TakeNumberAsync(DocumentSequence.Receipts, cancellationToken);
        var invoice = await db.Invoices.SingleAsync(i => i.Id == checkout.InvoiceId, cancellationToken);

        // The card was charged: the money is recorded whatever happened to the invoice since; what it no longer owes is credit.
        var receivable = invoice.ReceivableOf(paid.AmountMinor);
        List<(Invoice, long)> settles = receivable > 0 ? [(invoice, receivable)] : [];
        var payment = Payment.Receive(
            number, checkout.PatientId, invoice.PayerId, PaymentMethod.Online, paid.AmountMinor, checkout.Currency, paid.ProviderPaymentId ?? paid.ProviderSessionId,
            settles, availableCreditMinor: 0, now);
        db.Payments.Add(payment);
        checkout.Settle(payment.Id);
        return new ProviderEventOutcomeDto("paid", payment.Id.Value, payment.PatientId.Value);
    }

    private async Task<ProviderEventOutcomeDto> RefundAsync(string providerName, ProviderPaymentEvent refunded, DateTime now, CancellationToken cancellationToken)
    {
        var reference = refunded.ProviderPaymentId
            ?? throw new PaymentWebhookRejectedException("A refund event must name the provider's payment.");
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Method == PaymentMethod.Online && p.Reference == reference, cancellationToken)
            ?? throw new ConflictException(
                "payment.event-out-of-order",
                "The payment this refund is for has not been recorded yet; the provider will deliver the event again.");

        // The event carries the total refunded so far: the payment refunds only what ClinicHip has not recorded yet.
        var ids = payment.Allocations.Select(a => a.InvoiceId).ToList();
        var settled = await db.Invoices.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var credit = await db.AccountCreditAsync(payment.PatientId, cancellationToken);
        if (!payment.RefundUpTo(refunded.AmountMinor, $"Refunded at {providerName}", settled, credit, now))
        {
            return new ProviderEventOutcomeDto("nothing-to-refund", payment.Id.Value, payment.PatientId.Value);
        }

        return new ProviderEventOutcomeDto("refunded", payment.Id.Value, payment.PatientId.Value);
    }
}
