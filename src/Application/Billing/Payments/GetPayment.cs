using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Payments;

/// <summary>A payment (a receipt): the desk and billing clients any; a patient their own.</summary>
public sealed record GetPaymentQuery(Guid Id) : IRequest<PaymentDto>;

public sealed class GetPaymentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetPaymentQuery, PaymentDto>
{
    public async Task<PaymentDto> Handle(GetPaymentQuery request, CancellationToken cancellationToken)
    {
        var paymentId = new Domain.Billing.PaymentId(request.Id);
        var payment = await db.Payments.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new Common.Exceptions.NotFoundException("Payment", request.Id);
        return PaymentDto.From(payment);
    }
}
