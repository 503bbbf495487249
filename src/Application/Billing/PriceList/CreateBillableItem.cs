using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>Adds an item to the price list.</summary>
/// <param name="Code">The clinic's short code, unique (e.g. FU), up to 20 characters; stored in capitals.</param>
/// <param name="Name">The name invoices show (e.g. Follow-up consultation).</param>
/// <param name="PriceMinor">The price in minor units (cents), 0 to 10000000000, including or excluding tax as the billing settings say.</param>
/// <param name="TaxTreatment">GstFree (most health services) or Taxable (products).</param>
/// <param name="Kind">Service, Product or Fee.</param>
public sealed record CreateBillableItemCommand(string Code, string Name, long PriceMinor, TaxTreatment TaxTreatment, BillableItemKind Kind) : IRequest<BillableItemDto>;

public sealed class CreateBillableItemValidator : AbstractValidator<CreateBillableItemCommand>
{
    public CreateBillableItemValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(BillableItem.CodeMaxLength).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("A code is up to 20 letters, digits and . _ - characters.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(BillableItem.NameMaxLength);
        RuleFor(c => c.PriceMinor).InclusiveBetween(0, Money.MaxMinor);
        RuleFor(c => c.TaxTreatment).IsInEnum();
        RuleFor(c => c.Kind).IsInEnum();
    }
}

public sealed class CreateBillableItemHandler(IApplicationDbContext db) : IRequestHandler<CreateBillableItemCommand, BillableItemDto>
{
    public async Task<BillableItemDto> Handle(CreateBillableItemCommand request, CancellationToken cancellationToken)
    {
        var item = BillableItem.Create(request.Code, request.Name, request.PriceMinor, request.TaxTreatment, request.Kind);
        db.BillableItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw CodeTaken(item.Code);
        }

        return BillableItemDto.From(item);
    }

    public static ConflictException CodeTaken(string code) => new("billing.item-code-taken", $"An item with code {code} is already on the price list.");
}
