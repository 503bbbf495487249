using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using MediatR;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>
/// Issues a draft under the next invoice number: numbers run in sequence with no gaps and no duplicates, under
/// concurrent issuing and across instances (docs/decisions/0055). From then on the invoice never changes.
/// </summary>
public sealed record IssueInvoiceCommand(Guid Id) : IRequest<InvoiceDto>;

public sealed class IssueInvoiceHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<IssueInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(IssueInvoiceCommand request, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                // The number first: its row's lock orders this issue after any other, so the invoice read next is as committed.
                var number = await db.TakeNumberAsync(DocumentSequence.Invoices, ct);
                var invoice = await db.InvoiceAsync(request.Id, user, ct);
                var settings = await db.BillingSettingsAsync(ct);
                var now = clock.GetUtcNow().UtcDateTime;
                invoice.Issue(number, now, await db.ClinicTodayAsync(now, ct), settings.PaymentTermsDays);
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
