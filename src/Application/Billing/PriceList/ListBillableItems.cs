using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>The price list, by code; inactive items only when asked for.</summary>
/// <param name="IncludeInactive">Also list items taken off the list.</param>
public sealed record ListBillableItemsQuery(bool IncludeInactive = false) : IRequest<IReadOnlyList<BillableItemDto>>;

public sealed class ListBillableItemsHandler(IApplicationDbContext db) : IRequestHandler<ListBillableItemsQuery, IReadOnlyList<BillableItemDto>>
{
    public async Task<IReadOnlyList<BillableItemDto>> Handle(ListBillableItemsQuery request, CancellationToken cancellationToken)
    {
        var items = await db.BillableItems.AsNoTracking().Where(i => request.IncludeInactive || i.IsActive).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        return [.. items.Select(BillableItemDto.From)];
    }
}
