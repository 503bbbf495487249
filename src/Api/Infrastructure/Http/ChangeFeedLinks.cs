using ClinicHip.Application.Common.Models;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// The <c>Link: rel="next"</c> header of a change feed's page (RFC 8288): the same request with the page's cursor in place
/// of updatedSince and page, under the public address. Sent while a page comes back full; the body's nextCursor is
/// there on every page, to come back with later.
/// </summary>
internal static class ChangeFeedLinks
{
    private static readonly HashSet<string> Replaced = new(["cursor", "updatedSince", "page"], StringComparer.OrdinalIgnoreCase);

    public static void SetNextLink<T>(this HttpContext context, PagedList<T> page)
    {
        if (page.NextCursor is null || page.Items.Count < page.PageSize)
        {
            return;
        }

        var query = QueryString.Create(context.Request.Query
            .Where(parameter => !Replaced.Contains(parameter.Key))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)))
            .Append(KeyValuePair.Create("cursor", (string?)page.NextCursor)));
        var address = context.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value
            .Resolve(context.Request.PathBase + context.Request.Path + query);
        context.Response.Headers.Link = $"<{address}>; rel=\"next\"";
    }
}
