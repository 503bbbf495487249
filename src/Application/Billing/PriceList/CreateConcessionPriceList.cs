using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>Adds a concession price list (students, pensioners, health-care card holders).</summary>
/// <param name="Name">Its name, unique.</param>
/// <param name="Prices">Its prices for the items it reduces.</param>
public sealed record CreateConcessionPriceListCommand(string Name, IReadOnlyList<ConcessionPriceDto> Prices) : IRequest<ConcessionPriceListDto>;

public sealed class CreateConcessionPriceListValidator : AbstractValidator<CreateConcessionPriceListCommand>
{
    public CreateConcessionPriceListValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ConcessionPriceList.NameMaxLength);
        RuleFor(c => c.Prices).NotNull().Must(p => p is null || p.Count <= 200).WithMessage("At most 200 prices.");
        RuleForEach(c => c.Prices).ChildRules(price =>
        {
            price.RuleFor(p => p.ItemId).NotEmpty();
            price.RuleFor(p => p.PriceMinor).InclusiveBetween(0, Money.MaxMinor);
        });
    }
}

public sealed class CreateConcessionPriceListHandler(IApplicationDbContext db) : IRequestHandler<CreateConcessionPriceListCommand, ConcessionPriceListDto>
{
    public async Task<ConcessionPriceListDto> Handle(CreateConcessionPriceListCommand request, CancellationToken cancellationToken)
    {
        var items = request.Prices.Select(p => new BillableItemId(p.ItemId)).Distinct().ToList();
        if (await db.BillableItems.CountAsync(i => items.Contains(i.Id), cancellationToken) != items.Count)
        {
            throw new NotFoundException("Billable item", string.Join(", ", request.Prices.Select(p => p.ItemId)));
        }

        var list = ConcessionPriceList.Create(request.Name, request.Prices.Select(p => new ConcessionPrice(new BillableItemId(p.ItemId), p.PriceMinor)));
        db.ConcessionPriceLists.Add(list);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new ConflictException("billing.concession-name-taken", $"A concession price list named {list.Name} exists already.");
        }

        return ConcessionPriceListDto.From(list);
    }
}
