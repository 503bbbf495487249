using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ClinicHip.Api.Infrastructure.Errors;

namespace ClinicHip.Api.Endpoints;

/// <summary>
/// The page behind each problem type URI (RFC 9457 section 3.1.1: a type should resolve to documentation for people),
/// and an index of them, written from docs/problem-types.md. Anonymous: they describe the API, not the clinic's data.
/// </summary>
public static partial class ProblemTypeEndpoints
{
    public static IEndpointRouteBuilder MapProblemTypeEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(ProblemTypeCatalogue.PagePath).AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/", Index).WithName("ProblemTypes");
        pages.MapGet("/{code}", Page).WithName("ProblemType");
        return app;
    }

    private static IResult Index()
    {
        var rows = string.Concat(ProblemTypeCatalogue.All.Select(entry =>
            $"<tr><td><a href=\"{ProblemTypeCatalogue.PagePath}/{Encode(entry.Code)}\"><code>{Encode(entry.Code)}</code></a></td><td>{entry.Status}</td><td>{Inline(entry.Meaning)}</td></tr>\n"));
        return Html("ClinicHip problem types",
            "<p>ClinicHip's own problem types. Each problem document carries its <code>code</code> and a <code>type</code> URI that leads here.</p>\n" +
            $"<table><thead><tr><th>code</th><th>status</th><th>meaning</th></tr></thead><tbody>\n{rows}</tbody></table>");
    }

    private static IResult Page(string code) =>
        ProblemTypeCatalogue.Find(code) is { } entry
            ? Html($"{entry.Code} ({entry.Status})",
                $"<p><strong>Status:</strong> {entry.Status} {Encode(ReasonPhrase(entry.Status))}</p>\n<p>{Inline(entry.Meaning)}</p>\n" +
                $"<p>Problem documents of this type carry <code>\"code\": \"{Encode(entry.Code)}\"</code>; branch on it. " +
                $"<a href=\"{ProblemTypeCatalogue.PagePath}\">All problem types</a>.</p>")
            : TypedResults.NotFound();

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static IResult Html(string title, string body) => Results.Content(
        $"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head>\n<body>\n<h1>{Encode(title)}</h1>\n{body}\n</body></html>\n",
        "text/html; charset=utf-8", Encoding.UTF8);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The Markdown of a table cell as HTML: text encoded, <c>`code`</c> kept as code.</summary>
    private static string Inline(string markdown) => InlineCode().Replace(Encode(markdown), match => $"<code>{match.Groups[1].Value}</code>");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();
}
