using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>
/// Drafts an invoice at the desk: for an attended appointment (its clinician's service) or for products sold. Each item
/// is priced for the patient (concession, the clinician's own price, the list price).
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Items">The items and quantities (1 to 100 lines).</param>
/// <param name="AppointmentId">The attended appointment it bills, if any (one invoice per appointment).</param>
/// <param name="PayerId">One of the patient's payers to bill instead; the patient's default payer when omitted.</param>
public sealed record CreateInvoiceCommand(Guid PatientId, IReadOnlyList<InvoiceItemRequest> Items, Guid? AppointmentId = null, Guid? PayerId = null)
    : IRequest<InvoiceDto>;

/// <summary>An item of the price list and how many.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Quantity">1 to 999.</param>
/// <param name="Description">What the line says instead of the item's name, if anything.</param>
public sealed record InvoiceItemRequest(Guid ItemId, int Quantity = 1, string? Description = null);

public sealed class CreateInvoiceValidator : AbstractValidator<CreateInvoiceCommand>
{
    public CreateInvoiceValidator()
    {
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.Items).NotEmpty().Must(i => i is null || i.Count <= InvoiceNeedsLinesRule.MaxLines).WithMessage("An invoice has 1 to 100 lines.");
        RuleForEach(c => c.Items).SetValidator(new InvoiceItemRequestValidator());
    }
}

public sealed class InvoiceItemRequestValidator : AbstractValidator<InvoiceItemRequest>
{
    public InvoiceItemRequestValidator()
    {
        RuleFor(i => i.ItemId).NotEmpty();
        RuleFor(i => i.Quantity).InclusiveBetween(1, InvoiceLine.MaxQuantity);
        RuleFor(i => i.Description).MaximumLength(InvoiceLine.DescriptionMaxLength);
    }
}

public sealed class CreateInvoiceHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CreateInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(CreateInvoiceCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("Patient", request.PatientId);
        }

        Appointment? appointment = null;
        if (request.AppointmentId is { } id)
        {
            var appointmentId = new AppointmentId(id);
            appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.PatientId == patientId, cancellationToken)
                ?? throw new NotFoundException("Appointment", id);
            var attended = new VisitMustBeAttendedRule(appointment.Status);
            if (attended.IsBroken())
            {
                throw new Domain.Common.BusinessRuleViolationException(attended);
            }
        }

        var pricing = await db.PricingForAsync(patientId, cancellationToken);
        var payer = await PayerAsync(request.PayerId, patientId, cancellationToken) ?? pricing.DefaultPayer;
        var items = await db.ActiveItemsAsync(request.Items.Select(i => i.ItemId), cancellationToken);
        var invoice = Invoice.Draft(
            patientId, payer, appointment?.ClinicianId, appointment?.Id, appointment is null ? InvoiceReason.Sale : InvoiceReason.Visit, pricing.Settings,
            clock.GetUtcNow().UtcDateTime);
        foreach (var line in request.Items)
        {
            var item = items[new BillableItemId(line.ItemId)];
            invoice.AddItem(item, line.Quantity, item.PriceFor(appointment?.ClinicianId, pricing.Concession), line.Description);
        }

        db.Invoices.Add(invoice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw AlreadyBilled();
        }

        return InvoiceDto.From(invoice);
    }

    public static ConflictException AlreadyBilled() =>
        new("invoice.appointment-billed", "This appointment already has an invoice (its visit's, or the fee for missing it).");

    private async Task<PayerId?> PayerAsync(Guid? requested, PatientId patientId, CancellationToken cancellationToken)
    {
        if (requested is not { } id)
        {
            return null;
        }

        var payerId = new PayerId(id);
        return await db.Payers.AnyAsync(p => p.Id == payerId && p.PatientId == patientId && p.IsActive, cancellationToken)
            ? payerId
            : throw new NotFoundException("Payer", id);
    }
}
