using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>
/// Corrects an issued invoice with a credit note under the next credit-note number. With no amount it voids the invoice:
/// a credit note for its whole balance, refused while payments stand against it (refund them first).
/// </summary>
/// <param name="Reason">Why (kept with the credit note; not sent to integrations).</param>
/// <param name="AmountMinor">How much to credit, 1 to the balance; omit to void.</param>
public sealed record CreditInvoiceCommand(string Reason, long? AmountMinor = null) : IRequest<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class CreditInvoiceValidator : AbstractValidator<CreditInvoiceCommand>
{
    public CreditInvoiceValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(CreditNote.ReasonMaxLength);
        RuleFor(c => c.AmountMinor).InclusiveBetween(1, Money.MaxMinor);
    }
}

public sealed class CreditInvoiceHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CreditInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(CreditInvoiceCommand request, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                var number = await db.TakeNumberAsync(DocumentSequence.CreditNotes, ct);
                var invoice = await db.InvoiceAsync(request.Id, user, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var today = await db.ClinicTodayAsync(now, ct);
                _ = request.AmountMinor is { } amount
                    ? invoice.Credit(number, amount, request.Reason, now, today)
                    : invoice.Void(number, request.Reason, now, today);
                await db.SaveChangesAsync(ct);
                return InvoiceDto.From(invoice);
            }, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw BillingQueries.ChangedMeanwhile();
        }
    }
}
