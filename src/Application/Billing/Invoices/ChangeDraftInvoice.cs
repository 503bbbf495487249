using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Invoices;

/// <summary>Changes a draft: adds items, removes lines (by their 1-based position), or addresses it to another payer. An issued invoice never changes.</summary>
/// <param name="AddItems">Items to add.</param>
/// <param name="RemoveLines">Positions of lines to remove (1 is the first), as the invoice now stands.</param>
/// <param name="BillTo">Patient, or Payer with payerId.</param>
/// <param name="PayerId">The payer when billTo is Payer.</param>
public sealed record ChangeDraftInvoiceCommand(
    IReadOnlyList<InvoiceItemRequest>? AddItems = null, IReadOnlyList<int>? RemoveLines = null, BillTo? BillTo = null, Guid? PayerId = null)
    : IRequest<InvoiceDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

/// <summary>Who an invoice is addressed to.</summary>
public enum BillTo
{
    Patient,
    Payer,
}

public sealed class ChangeDraftInvoiceValidator : AbstractValidator<ChangeDraftInvoiceCommand>
{
    public ChangeDraftInvoiceValidator()
    {
        RuleFor(c => c.AddItems).Must(i => i is null || i.Count <= 100).WithMessage("At most 100 items at once.");
        RuleForEach(c => c.AddItems).SetValidator(new InvoiceItemRequestValidator());
        RuleFor(c => c.RemoveLines).Must(l => l is null || (l.Count <= 100 && l.All(n => n is >= 1 and <= 100) && l.Distinct().Count() == l.Count))
            .WithMessage("Lines to remove are distinct positions from 1 to 100.");
        RuleFor(c => c.BillTo).IsInEnum();
        RuleFor(c => c.PayerId).NotEmpty().When(c => c.BillTo == BillTo.Payer).WithMessage("Name the payer to bill.");
        RuleFor(c => c.PayerId).Null().When(c => c.BillTo != BillTo.Payer).WithMessage("A payer is named only with billTo Payer.");
    }
}

public sealed class ChangeDraftInvoiceHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ChangeDraftInvoiceCommand, InvoiceDto>
{
    public async Task<InvoiceDto> Handle(ChangeDraftInvoiceCommand request, CancellationToken cancellationToken)
    {
        var invoice = await db.InvoiceAsync(request.Id, user, cancellationToken);
        foreach (var position in (request.RemoveLines ?? []).OrderDescending())
        {
            invoice.RemoveLineAt(position - 1);
        }

        if (request.AddItems is { Count: > 0 } added)
        {
            var pricing = await db.PricingForAsync(invoice.PatientId, cancellationToken);
            var items = await db.ActiveItemsAsync(added.Select(i => i.ItemId), cancellationToken);
            foreach (var line in added)
            {
                var item = items[new BillableItemId(line.ItemId)];
                invoice.AddItem(item, line.Quantity, item.PriceFor(invoice.ClinicianId, pricing.Concession), line.Description);
            }
        }

        if (request.BillTo is { } billTo)
        {
            var payer = billTo == BillTo.Payer ? new PayerId(request.PayerId!.Value) : (PayerId?)null;
            if (payer is { } payerId && !await db.Payers.AnyAsync(p => p.Id == payerId && p.PatientId == invoice.PatientId && p.IsActive, cancellationToken))
            {
                throw new NotFoundException("Payer", payerId.Value);
            }

            invoice.BillTo(payer);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw BillingQueries.ChangedMeanwhile();
        }

        return InvoiceDto.From(invoice);
    }
}
