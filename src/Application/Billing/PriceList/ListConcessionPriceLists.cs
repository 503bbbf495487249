using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>The concession price lists, by name.</summary>
public sealed record ListConcessionPriceListsQuery : IRequest<IReadOnlyList<ConcessionPriceListDto>>;

public sealed class ListConcessionPriceListsHandler(IApplicationDbContext db) : IRequestHandler<ListConcessionPriceListsQuery, IReadOnlyList<ConcessionPriceListDto>>
{
    public async Task<IReadOnlyList<ConcessionPriceListDto>> Handle(ListConcessionPriceListsQuery request, CancellationToken cancellationToken)
    {
        var lists = await db.ConcessionPriceLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return [.. lists.Select(ConcessionPriceListDto.From)];
    }
}
