using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>Changes an item of the price list. Invoices already drafted or issued keep the price they were given.</summary>
/// <param name="Code">The clinic's short code, unique.</param>
/// <param name="Name">The name invoices show.</param>
/// <param name="PriceMinor">The list price in minor units.</param>
/// <param name="TaxTreatment">GstFree or Taxable.</param>
/// <param name="Kind">Service, Product or Fee.</param>
/// <param name="IsActive">False takes it off the list for new invoices.</param>
/// <param name="ClinicianPrices">Clinicians' own prices for it (replacing those there were); others charge the list price.</param>
public sealed record UpdateBillableItemCommand(
    string Code, string Name, long PriceMinor, TaxTreatment TaxTreatment, BillableItemKind Kind, bool IsActive,
    IReadOnlyList<ClinicianPriceDto>? ClinicianPrices = null) : IRequest<BillableItemDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class UpdateBillableItemValidator : AbstractValidator<UpdateBillableItemCommand>
{
    public UpdateBillableItemValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(BillableItem.CodeMaxLength).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("A code is up to 20 letters, digits and . _ - characters.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(BillableItem.NameMaxLength);
        RuleFor(c => c.PriceMinor).InclusiveBetween(0, Money.MaxMinor);
        RuleFor(c => c.TaxTreatment).IsInEnum();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.ClinicianPrices).Must(p => p is null || p.Count <= 100).WithMessage("At most 100 clinician prices.");
        RuleForEach(c => c.ClinicianPrices).ChildRules(price =>
        {
            price.RuleFor(p => p.ClinicianId).NotEmpty();
            price.RuleFor(p => p.PriceMinor).InclusiveBetween(0, Money.MaxMinor);
        });
    }
}

public sealed class UpdateBillableItemHandler(IApplicationDbContext db) : IRequestHandler<UpdateBillableItemCommand, BillableItemDto>
{
    public async Task<BillableItemDto> Handle(UpdateBillableItemCommand request, CancellationToken cancellationToken)
    {
        var itemId = new BillableItemId(request.Id);
        var item = await db.BillableItems.SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw new NotFoundException("Billable item", request.Id);
        item.Change(request.Code, request.Name, request.PriceMinor, request.TaxTreatment, request.Kind, request.IsActive);
        if (request.ClinicianPrices is { } prices)
        {
            var named = prices.Select(p => new ClinicianId(p.ClinicianId)).Distinct().ToList();
            var known = await db.Clinicians.CountAsync(c => named.Contains(c.Id), cancellationToken);
            if (known != named.Count)
            {
                throw new NotFoundException("Clinician", string.Join(", ", prices.Select(p => p.ClinicianId)));
            }

            item.SetClinicianPrices(prices.Select(p => new ClinicianPrice(new ClinicianId(p.ClinicianId), p.PriceMinor)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw CreateBillableItemHandler.CodeTaken(item.Code);
        }

        return BillableItemDto.From(item);
    }
}
