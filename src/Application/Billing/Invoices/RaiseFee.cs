using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>
/// Drafts the fee for a no-show or a cancellation inside the late-cancellation window, under the clinic's fee policy (a
/// fixed amount or a share of the visit's price). Refused when the appointment attracts no fee, the policy charges none,
/// the fee was waived, or the appointment is billed already.
/// </summary>
public sealed record RaiseFeeCommand(Guid AppointmentId) : IRequest<InvoiceDto>;

public sealed class RaiseFeeHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RaiseFeeCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(RaiseFeeCommand request, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(request.AppointmentId);
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", request.AppointmentId);
        var invoice = await db.DraftFeeAsync(appointment, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.Invoices.Add(invoice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw CreateInvoiceHandler.AlreadyBilled();
        }

        return InvoiceDto.From(invoice);
    }
}
