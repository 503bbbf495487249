using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Common.Models;

/// <summary>One page of a longer list.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">At most this many items a page.</param>
/// <param name="TotalCount">
/// How many items there are in all; in a change feed read from updatedSince, the changes up to the settle horizon; read
/// from a cursor, the items of this page (a feed continued by cursor is not counted).
/// </param>
/// <param name="NextCursor">
/// In a change feed (a list read with updatedSince or cursor): send it back as <c>cursor</c> to continue just after this
/// page, now or later. Null for page-numbered lists.
/// </param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, string? NextCursor = null);

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
