using ClinicHip.Application.Common.Exceptions;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Entity tags for optimistic concurrency: GET sends the version as <c>ETag</c>; a PUT must send it back as <c>If-Match</c>
/// (428 without it), other writes may.
/// </summary>
public static class ETags
{
    public static void SetETag(this HttpResponse response, Guid version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = $"\"{version}\"";
    }

    /// <summary>
    /// The version in <c>If-Match</c> of a replacement (PUT): 428 when the header is absent; null for <c>*</c>, which
    /// replaces whatever version is current.
    /// </summary>
    public static Guid? RequiredIfMatchVersion(this HttpRequest request, string resource)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrWhiteSpace(request.Headers.IfMatch.ToString()) ? throw new PreconditionRequiredException(resource) : request.IfMatchVersion();
    }

    /// <summary>The version in <c>If-Match</c>, or null when the header is absent. A malformed tag matches nothing (412).</summary>
    public static Guid? IfMatchVersion(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var tag = header.Trim();
        tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return Guid.TryParse(tag.Trim('"'), out var version) ? version : throw new PreconditionFailedException("resource");
    }
}
