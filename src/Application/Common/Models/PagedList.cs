using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Common.Models;

/// <summary>One page of a longer list.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">At most this many items a page.</param>
/// <param name="TotalCount">How many items there are in all.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public static class PagedList
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<PagedList<T>> CreateAsync<T>(IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        // Validators cap the page (InputBoundsRules.MaxPage); checked so a missed cap fails loudly instead of wrapping round.
        var items = await query.Skip(checked((page - 1) * pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
