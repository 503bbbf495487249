using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Billing;

/// <summary>
/// A payment provider's hosted checkout for one invoice's balance. Only the provider's ids and page are kept, never card
/// data. Asked again for the same balance while it is open, the same checkout is handed back, so a patient cannot open a
/// second page for what one page already takes; it is settled by the provider's event once, whatever is repeated.
/// </summary>
public sealed class InvoiceCheckout : AuditableEntity
{
    public const int ProviderMaxLength = 20;
    public const int ProviderIdMaxLength = 255;
    public const int PaymentUrlMaxLength = 2048;

    private InvoiceCheckout()
    {
        Provider = null!;
        ProviderSessionId = null!;
        PaymentUrl = null!;
        Currency = null!;
    }

    public Guid Id { get; private set; }

    public InvoiceId InvoiceId { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>Which provider (<c>stripe</c>).</summary>
    public string Provider { get; private set; }

    /// <summary>The provider's id of the session.</summary>
    public string ProviderSessionId { get; private set; }

    /// <summary>The provider's page the patient pays on.</summary>
    public string PaymentUrl { get; private set; }

    /// <summary>The balance it was opened for, in minor units.</summary>
    public long AmountMinor { get; private set; }

    public string Currency { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>The payment its provider's event recorded; null until it is paid.</summary>
    public PaymentId? PaymentId { get; private set; }

    public static InvoiceCheckout Open(
        Guid id, Invoice invoice, string provider, string providerSessionId, Uri paymentUrl, long amountMinor, DateTime expiresAtUtc)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(paymentUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerSessionId);
        return new InvoiceCheckout
        {
            Id = id,
            InvoiceId = invoice.Id,
            PatientId = invoice.PatientId,
            Provider = provider,
            ProviderSessionId = providerSessionId,
            PaymentUrl = paymentUrl.AbsoluteUri,
            AmountMinor = amountMinor,
            Currency = invoice.Currency,
            ExpiresAtUtc = expiresAtUtc,
        };
    }

    /// <summary>Whether it can still be handed out for <paramref name="balanceMinor"/>: open a while longer, unpaid, for that amount.</summary>
    public bool Reusable(long balanceMinor, DateTime nowUtc, TimeSpan margin) =>
        PaymentId is null && AmountMinor == balanceMinor && ExpiresAtUtc > nowUtc + margin;

    public bool IsSettled => PaymentId is not null;

    /// <summary>Records the payment its provider's event made; a checkout is settled once.</summary>
    public void Settle(PaymentId paymentId)
    {
        if (PaymentId is not null)
        {
            throw new InvalidOperationException($"Checkout {Id} is already settled.");
        }

        PaymentId = paymentId;
    }
}

/// <summary>
/// A payment provider's event that was verified and applied: its id is kept so the same event, delivered again or
/// late, changes nothing.
/// </summary>
public sealed class ProviderPaymentEventRecord
{
    public const int EventIdMaxLength = 255;
    public const int OutcomeMaxLength = 40;

    public required string Provider { get; init; }

    public required string EventId { get; init; }

    /// <summary>What applying it did (paid, refunded, ignored, already-settled…), for the support desk.</summary>
    public required string Outcome { get; init; }

    public DateTime ReceivedAtUtc { get; init; }
}
