using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>An invoice: the desk and billing clients any; a clinician those for their services; a patient their own issued ones.</summary>
public sealed record GetInvoiceQuery(Guid Id) : IRequest<InvoiceDto>;

public sealed class GetInvoiceHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetInvoiceQuery, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(GetInvoiceQuery request, CancellationToken cancellationToken)
    {
        var invoiceId = new Domain.Billing.InvoiceId(request.Id);
        var invoice = await db.Invoices.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            ?? throw new Common.Exceptions.NotFoundException("Invoice", request.Id);
        return InvoiceDto.From(invoice);
    }
}
