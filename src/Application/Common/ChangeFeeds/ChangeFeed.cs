using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Common.ChangeFeeds;

/// <summary>How a change feed settles (the <c>ChangeFeed</c> configuration section; docs/decisions/0031).</summary>
public sealed class ChangeFeedOptions
{
    public const string SectionName = "ChangeFeed";

    /// <summary>
    /// A feed answers only changes stamped longer ago than this, so a save that stamped its time and commits a moment
    /// later, or an instance whose clock runs behind, cannot land behind a cursor already given out. It must exceed the
    /// longest save plus the clock difference between instances.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "ChangeFeed:SettleLag must be between {1} and {2}.")]
    public TimeSpan SettleLag { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Where a change feed continues: changes at or after <see cref="ChangedAtUtc"/>, or strictly after (ChangedAtUtc, <see cref="AfterId"/>).</summary>
public sealed record ChangeFeedPosition(DateTime ChangedAtUtc, Guid? AfterId);

/// <summary>
/// A list read as a change feed (docs/decisions/0031): records oldest change first in (ChangedAtUtc, id) order, only
/// those changed before the settle horizon, and an opaque cursor that continues after the last one given. The cursor
/// carries the list's name, the position and a fingerprint of the filters it was written for.
/// </summary>
public sealed class ChangeFeed
{
    private const string Version = "1";
    private const int MaxCursorLength = 200;

    private ChangeFeed(string list, string filters, ChangeFeedPosition position, DateTime horizonUtc, bool fromCursor)
    {
        ListName = list;
        Filters = filters;
        Position = position;
        HorizonUtc = horizonUtc;
        FromCursor = fromCursor;
    }

    public string ListName { get; }

    public ChangeFeedPosition Position { get; }

    /// <summary>Changes stamped at or after this are not answered yet: they may still have company on its way to commit.</summary>
    public DateTime HorizonUtc { get; }

    private string Filters { get; }

    private bool FromCursor { get; }

    /// <summary>
    /// The feed a list request asks for, or null when it gives neither <paramref name="cursor"/> nor
    /// <paramref name="updatedSince"/> (an ordinary page-numbered list). A cursor goes alone: with updatedSince, a page
    /// past the first, or other filters than its own, it is refused (<see cref="ChangeCursorException"/>).
    /// </summary>
    /// <param name="list">The list's name, so one list's cursor is refused by another.</param>
    /// <param name="cursor">The nextCursor of an earlier page, if the request continues one.</param>
    /// <param name="updatedSince">Where a new walk starts, if the request starts one.</param>
    /// <param name="page">The page number asked for (1 when none was).</param>
    /// <param name="filters">The request's filters, in a fixed order; a cursor continues only the same filtering.</param>
    /// <param name="clock">The clock the saves are stamped with.</param>
    /// <param name="options">The settle lag.</param>
    public static ChangeFeed? For(
        string list, string? cursor, DateTimeOffset? updatedSince, int page, IEnumerable<object?> filters, TimeProvider clock, ChangeFeedOptions options)
    {
        if (cursor is null && updatedSince is null)
        {
            return null;
        }

        var fingerprint = Fingerprint(filters);
        var horizon = clock.GetUtcNow().UtcDateTime - options.SettleLag;
        if (cursor is null)
        {
            return new ChangeFeed(list, fingerprint, new ChangeFeedPosition(updatedSince!.Value.UtcDateTime, null), horizon, fromCursor: false);
        }

        if (updatedSince is not null || page != 1)
        {
            throw new ChangeCursorException(ChangeCursorException.Conflict, "A cursor carries its position: send it without updatedSince or a page number.");
        }

        var (cursorList, position, cursorFilters) = Decode(cursor);
        if (cursorList != list)
        {
            throw new ChangeCursorException(ChangeCursorException.Invalid, "The cursor belongs to another list.");
        }

        if (cursorFilters != fingerprint)
        {
            throw new ChangeCursorException(
                ChangeCursorException.Conflict, "The cursor was written for other filters: send the filters it was given with (the Link header's address does).");
        }

        return new ChangeFeed(list, fingerprint, position, horizon, fromCursor: true);
    }

    /// <summary>
    /// One page of the feed from a query in feed order. From updatedSince it is counted up to the horizon and may be
    /// paged by number, as a page-numbered list is; from a cursor it is not counted (the total is the page's own count),
    /// since walking a long feed would count its whole remainder again on every page.
    /// </summary>
    public async Task<PagedList<T>> PageAsync<T>(IQueryable<T> inFeedOrder, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!FromCursor)
        {
            return await PagedList.CreateAsync(inFeedOrder, page, pageSize, cancellationToken);
        }

        var items = await inFeedOrder.Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, 1, pageSize, items.Count);
    }

    /// <summary>
    /// The cursor to continue after a page. A page shorter than asked for answered every settled change, so the next
    /// read starts at the horizon; otherwise just after the last record given.
    /// </summary>
    /// <param name="pageSize">How many records the page was asked for.</param>
    /// <param name="rowCount">How many it had.</param>
    /// <param name="last">The (ChangedAtUtc, id) of the page's last record, if it had any.</param>
    public string NextCursor(int pageSize, int rowCount, (DateTime ChangedAtUtc, Guid Id)? last)
    {
        ChangeFeedPosition next;
        if (rowCount == pageSize && last is { } row)
        {
            next = new ChangeFeedPosition(row.ChangedAtUtc, row.Id);
        }
        else
        {
            next = HorizonUtc > Position.ChangedAtUtc ? new ChangeFeedPosition(HorizonUtc, null) : Position;
        }

        return Encode(ListName, next, Filters);
    }

    private static string Encode(string list, ChangeFeedPosition position, string filters)
    {
        var text = string.Join(
            '.', Version, list, position.ChangedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), position.AfterId?.ToString("N") ?? "-", filters);
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    private static (string List, ChangeFeedPosition Position, string Filters) Decode(string cursor)
    {
        var invalid = new ChangeCursorException(ChangeCursorException.Invalid, "The cursor is not one this API gave out: start again from updatedSince.");
        if (cursor.Length is 0 or > MaxCursorLength || !Base64Url.IsValid(cursor))
        {
            throw invalid;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split('.');
        if (parts.Length != 5 || parts[0] != Version
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
        {
            throw invalid;
        }

        Guid? afterId = null;
        if (parts[3] != "-")
        {
            if (!Guid.TryParseExact(parts[3], "N", out var id))
            {
                throw invalid;
            }

            afterId = id;
        }

        return (parts[1], new ChangeFeedPosition(new DateTime(ticks, DateTimeKind.Utc), afterId), parts[4]);
    }

    private static string Fingerprint(IEnumerable<object?> filters)
    {
        var text = string.Join('\u001f', filters.Select(f => f switch
        {
            null => "",
            DateTimeOffset instant => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => f.ToString(),
        }));
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 9));
    }
}
