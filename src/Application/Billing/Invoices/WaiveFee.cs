using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>
/// Waives the fee a no-show or late cancellation would attract, with the reason (kept, and the request audited). A fee
/// already issued is corrected with a credit note instead; a draft fee is discarded with the waiver.
/// </summary>
/// <param name="Reason">Why the fee is not charged (e.g. the patient was in hospital).</param>
public sealed record WaiveFeeCommand(string Reason) : IRequest<FeeWaiverDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid AppointmentId { get; init; }
}

/// <summary>A waived fee.</summary>
public sealed record FeeWaiverDto(Guid AppointmentId, Guid PatientId, InvoiceReason Fee, string Reason, DateTimeOffset WaivedAt);

public sealed class WaiveFeeValidator : AbstractValidator<WaiveFeeCommand>
{
    public WaiveFeeValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(FeeWaiver.ReasonMaxLength);
}

public sealed class WaiveFeeHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<WaiveFeeCommand, FeeWaiverDto>
{
    public async Task<FeeWaiverDto> Handle(WaiveFeeCommand request, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(request.AppointmentId);
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", request.AppointmentId);
        var fee = FeeCharges.FeeFor(appointment);
        if (fee is null)
        {
            throw new Domain.Common.BusinessRuleViolationException(new AppointmentMustAttractAFeeRule(fee));
        }

        var billed = await db.Invoices.SingleOrDefaultAsync(i => i.AppointmentId == appointmentId, cancellationToken);
        if (billed is { Status: not InvoiceStatus.Draft })
        {
            throw new ConflictException("invoice.fee-issued", $"The fee was issued as {billed.Number}: correct it with a credit note.");
        }

        if (billed is not null)
        {
            db.Invoices.Remove(billed);
        }

        var waiver = FeeWaiver.For(appointmentId, fee.Value, request.Reason, clock.GetUtcNow().UtcDateTime);
        db.FeeWaivers.Add(waiver);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new ConflictException("invoice.fee-waived", "The fee for this appointment was waived.");
        }

        return new FeeWaiverDto(request.AppointmentId, appointment.PatientId.Value, waiver.Fee, waiver.Reason, new DateTimeOffset(waiver.WaivedAtUtc, TimeSpan.Zero));
    }
}
