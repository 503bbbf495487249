using System.Globalization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ClinicHip.Api.Fhir;

/// <summary>
/// A search's parameters, read strictly: a parameter the resource does not support, or a value that cannot be read,
/// answers 400 (an OperationOutcome), never a silently wider result. The CapabilityStatement lists what is supported.
/// </summary>
public sealed class FhirSearch
{
    public const string Count = "_count";
    public const string PageParameter = "_page";
    public const string LastUpdated = "_lastUpdated";
    public const string Include = "_include";

    // Accepted everywhere; only FHIR JSON is served.
    private static readonly string[] Always = [Count, PageParameter, "_format"];

    private readonly IQueryCollection query;
    private readonly InputBounds bounds;

    private FhirSearch(IQueryCollection query, InputBounds bounds) => (this.query, this.bounds) = (query, bounds);

    /// <summary>The request's parameters, refused when one is not among <paramref name="supported"/>.</summary>
    public static FhirSearch Of(HttpRequest request, params string[] supported)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unknown = request.Query.Keys.Where(k => !supported.Contains(k, StringComparer.Ordinal) && !Always.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationException.For(unknown[0], $"Unsupported search parameter '{unknown[0]}'. Supported: {string.Join(", ", supported.Concat([Count]))}.");
        }

        var format = request.Query["_format"].ToString();
        if (format.Length > 0 && format is not ("json" or FhirJson.MediaType or "application/json"))
        {
            throw ValidationException.For("_format", "Only FHIR JSON is served (json or application/fhir+json).");
        }

        return new FhirSearch(request.Query, request.HttpContext.RequestServices.GetRequiredService<IOptions<InputBounds>>().Value);
    }

    /// <summary>Page size: _count, 1 to 200 (default 50); a larger count is trimmed to 200, as the specification allows.</summary>
    public int PageSize => Single(Count) is { } count
        ? int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? Math.Min(n, PagedList.MaxPageSize)
            : throw ValidationException.For(Count, "_count is a whole number from 1.")
        : PagedList.DefaultPageSize;

    /// <summary>The page the next link asks for, from 1 to <see cref="InputBoundsRules.MaxPage"/>, as every list's page.</summary>
    public int Page => Single(PageParameter) is { } page
        ? int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= InputBoundsRules.MaxPage ? n
            : throw ValidationException.For(PageParameter, $"_page is a whole number from 1 to {InputBoundsRules.MaxPage}.")
        : 1;

    /// <summary>This page of <paramref name="matching"/>: empty past the end, never the first page again.</summary>
    public IEnumerable<T> PageOf<T>(IEnumerable<T> matching) => matching.Skip((Page - 1) * PageSize).Take(PageSize);

    /// <summary>The _include values asked for, each one of <paramref name="supported"/> (else 400); the CapabilityStatement lists them.</summary>
    public IReadOnlySet<string> Includes(params string[] supported)
    {
        var asked = query[Include].OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (asked.FirstOrDefault(i => !supported.Contains(i, StringComparer.Ordinal)) is { } unsupported)
        {
            throw ValidationException.For(Include, $"Unsupported _include '{unsupported}'. Supported: {(supported.Length == 0 ? "none" : string.Join(", ", supported))}.");
        }

        return asked;
    }

    public string? Token(string name) => Single(name) is { Length: > 0 } value ? value : null;

    /// <summary>A reference parameter (<c>patient=Patient/{id}</c> or <c>patient={id}</c>) as the id it names.</summary>
    public Guid? Reference(string name, string resourceType)
    {
        if (Single(name) is not { Length: > 0 } value)
        {
            return null;
        }

        var id = value.StartsWith(resourceType + "/", StringComparison.Ordinal) ? value[(resourceType.Length + 1)..] : value;
        return Guid.TryParse(id, out var guid) ? guid : throw ValidationException.For(name, $"{name} is a {resourceType} reference ({resourceType}/{{id}}).");
    }

    /// <summary>
    /// The window every value of a date parameter allows (each is ANDed): prefixes eq, ge, gt, le, lt on a date
    /// (yyyy-MM-dd, a UTC day) or an instant with its offset. Null ends are open. Each value lies within the dates the API
    /// searches with (<see cref="InputBounds"/>), else 400, as the REST API's.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? Before) DateWindow(string name) =>
        DateWindow(name, bounds.Contains, bounds.Message);

    /// <summary>birthdate: one date (yyyy-MM-dd) among the dates a patient may be born on, else 400.</summary>
    public DateOnly? BirthDate(string name) =>
        DateWindow(name, d => bounds.ContainsBirthDate(DateOnly.FromDateTime(d.UtcDateTime)), bounds.BirthDateMessage) switch
        {
            (null, null) => null,
            ({ } from, { } before) when before - from == TimeSpan.FromDays(1) && from.TimeOfDay == TimeSpan.Zero => DateOnly.FromDateTime(from.UtcDateTime),
            _ => throw ValidationException.For(name, $"{name} takes one date (yyyy-MM-dd)."),
        };

    private (DateTimeOffset? From, DateTimeOffset? Before) DateWindow(string name, Func<DateTimeOffset, bool> within, string outside)
    {
        DateTimeOffset? from = null;
        DateTimeOffset? before = null;
        foreach (var raw in query[name].OfType<string>())
        {
            var (prefix, text) = raw.Length > 2 && char.IsAsciiLetterLower(raw[0]) ? (raw[..2], raw[2..]) : ("eq", raw);
            var (low, high) = Interval(name, text, within, outside);
            (DateTimeOffset? lo, DateTimeOffset? hi) = prefix switch
            {
                "eq" => ((DateTimeOffset?)low, (DateTimeOffset?)high),
                "ge" => (low, null),
                "gt" => (high, null),
                "lt" => (null, low),
                "le" => (null, high),
                _ => throw ValidationException.For(name, $"Unsupported prefix '{prefix}': use eq, ge, gt, le or lt."),
            };
            from = lo is { } l && (from is null || l > from) ? l : from;
            before = hi is { } h && (before is null || h < before) ? h : before;
        }

        return (from, before);
    }

    /// <summary>A searchset of one page, with self and next links that keep the other parameters.</summary>
    public Bundle Bundle(HttpRequest request, IEnumerable<Resource> resources, int total, IEnumerable<Resource>? included = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUrl = FhirAddress.Base(request);
        var bundle = new Bundle
        {
            Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset,
            Total = total,
            Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow },
            Link = [new Bundle.LinkComponent { Relation = "self", Url = PageUrl(request, Page) }],
            Entry = [.. resources.Select(r => new Bundle.EntryComponent
            {
                // A computed resource (a free slot) has no address to read; a urn:uuid names it within this Bundle.
                FullUrl = r.Id is null ? $"urn:uuid:{Guid.NewGuid()}" : $"{baseUrl}/{r.TypeName}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Match },
            })],
        };
        bundle.Entry.AddRange((included ?? []).DistinctBy(r => $"{r.TypeName}/{r.Id}").Select(r => new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
            Resource = r,
            Search = new Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Include },
        }));
        if ((long)Page * PageSize < total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(request, Page + 1) });
        }

        return bundle;
    }

    private string PageUrl(HttpRequest request, int page)
    {
        var parameters = query.Where(p => p.Key != PageParameter).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, (StringValues)v)));
        var url = QueryHelpers.AddQueryString($"{FhirAddress.Base(request)}{request.Path.Value![FhirOutcomes.PathPrefix.Length..]}",
            parameters.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
        return page == 1 ? url : QueryHelpers.AddQueryString(url, PageParameter, page.ToString(CultureInfo.InvariantCulture));
    }

    private string? Single(string name) => query[name] switch
    {
        { Count: 0 } => null,
        { Count: 1 } values => values[0],
        _ => throw ValidationException.For(name, $"Give {name} once."),
    };

    /// <summary>A value's interval, checked against the bounds before its end is computed (the calendar's last day has no next).</summary>
    private static (DateTimeOffset Low, DateTimeOffset High) Interval(string name, string text, Func<DateTimeOffset, bool> within, string outside)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return within(start) ? (start, start.AddDays(1)) : throw ValidationException.For(name, outside);
        }

        if (text.Contains('T', StringComparison.Ordinal) && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return within(instant) ? (instant, instant.AddSeconds(1)) : throw ValidationException.For(name, outside);
        }

        throw ValidationException.For(name, $"{name} takes a date (yyyy-MM-dd) or an instant with its offset (2026-11-23T09:00:00Z).");
    }
}
