using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Online;

/// <summary>
/// Opens the payment provider's hosted checkout for what an issued invoice still owes, for the patient to pay by card on
/// the provider's page. Asked again while that checkout is open for the same balance, it hands back the same page.
/// </summary>
/// <param name="InvoiceId">The invoice.</param>
public sealed record StartInvoiceCheckoutCommand(Guid InvoiceId) : IRequest<InvoiceCheckoutDto>;

/// <summary>Where the patient pays, how much, and until when.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="PaymentUrl">The provider's page: send the patient there.</param>
/// <param name="AmountMinor">The balance it takes, in minor units.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="ExpiresAt">When the page stops taking payment; ask again after it for a new one.</param>
public sealed record InvoiceCheckoutDto(Guid InvoiceId, Guid PatientId, Uri PaymentUrl, long AmountMinor, string Currency, DateTimeOffset ExpiresAt)
{
    public static InvoiceCheckoutDto From(InvoiceCheckout checkout) => new(
        checkout.InvoiceId.Value, checkout.PatientId.Value, new Uri(checkout.PaymentUrl), checkout.AmountMinor, checkout.Currency,
        new DateTimeOffset(DateTime.SpecifyKind(checkout.ExpiresAtUtc, DateTimeKind.Utc)));
}

public sealed class StartInvoiceCheckoutHandler(
    IApplicationDbContext db, ICurrentUser user, TimeProvider clock, IOptions<OnlinePaymentOptions> options, IEnumerable<IPaymentProvider> providers)
    : IRequestHandler<StartInvoiceCheckoutCommand, InvoiceCheckoutDto>
{
    /// <summary>A page about to close is not handed out again: the patient needs time to type a card.</summary>
    private static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(10);

    public async Task<InvoiceCheckoutDto> Handle(StartInvoiceCheckoutCommand request, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(i => i.Id == new InvoiceId(request.InvoiceId), cancellationToken)
            ?? throw new NotFoundException("Invoice", request.InvoiceId);
        var provider = providers.FirstOrDefault()
            ?? throw new UnprocessableRequestException("payment.online-not-offered", "This clinic does not take payment online. Pay at the desk or by the means on the invoice.");
        invoice.CheckOwing();

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.InvoiceCheckouts.AsNoTracking()
            .Where(c => c.InvoiceId == invoice.Id && c.PaymentId == null && c.ExpiresAtUtc > now + ReuseMargin)
            .OrderByDescending(c => c.ExpiresAtUtc).ToListAsync(cancellationToken);
        if (open.FirstOrDefault(c => c.Reusable(invoice.BalanceMinor, now, ReuseMargin)) is { } reusable)
        {
            return InvoiceCheckoutDto.From(reusable);
        }

        // The row's id is the provider's idempotency key: a network retry inside the adapter opens one session.
        var id = Guid.CreateVersion7();
        var settings = options.Value;
        var session = await provider.CreateCheckoutAsync(
            new CheckoutRequest(
                invoice.Id.Value, invoice.Number!, invoice.BalanceMinor, invoice.Currency, $"Invoice {invoice.Number}",
                settings.ReturnTo(invoice.Id.Value, "paid"), settings.ReturnTo(invoice.Id.Value, "cancelled"),
                now + settings.CheckoutLifetime, $"checkout-{id:N}"),
            cancellationToken);
        var checkout = InvoiceCheckout.Open(id, invoice, provider.Name, session.ProviderSessionId, session.PaymentUrl, invoice.BalanceMinor, session.ExpiresAtUtc);
        db.InvoiceCheckouts.Add(checkout);
        await db.SaveChangesAsync(cancellationToken);
        return InvoiceCheckoutDto.From(checkout);
    }
}
