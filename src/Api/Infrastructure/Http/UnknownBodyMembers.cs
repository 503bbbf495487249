using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Every member of a JSON body that its request type does not declare. The serializer stops at the first unknown
/// member; a client mending a request wants them all at once, so the body (kept readable by
/// <see cref="UseRereadableJsonBodies"/>) is read again and walked against the type as the serializer sees it.
/// </summary>
internal static class UnknownBodyMembers
{
    /// <summary>Keeps JSON bodies under <paramref name="under"/> readable a second time, for the answer to an unreadable one.</summary>
    public static IApplicationBuilder UseRereadableJsonBodies(this IApplicationBuilder app, PathString under) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(under) && context.Request.HasJsonContentType())
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });

    /// <summary>The paths of the unknown members (<c>intervals[1].note</c>), in document order; empty when the body cannot be read again.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(HttpContext httpContext, Endpoint? endpoint, CancellationToken cancellationToken)
    {
        var body = httpContext.Request.Body;
        if (!body.CanSeek || endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } type)
        {
            return [];
        }

        body.Position = 0;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            List<string> unknown = [];
            Walk(document.RootElement, options.GetTypeInfo(type), "", unknown);
            return unknown;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Walk(JsonElement element, JsonTypeInfo typeInfo, string path, List<string> unknown)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                var comparison = typeInfo.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                foreach (var member in element.EnumerateObject())
                {
                    var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    if (typeInfo.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, comparison)) is not { } property)
                    {
                        unknown.Add(memberPath);
                    }
                    else if (property.PropertyType != typeof(JsonElement))
                    {
                        Walk(member.Value, typeInfo.Options.GetTypeInfo(property.PropertyType), memberPath, unknown);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && typeInfo.ElementType is { } elementType:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, typeInfo.Options.GetTypeInfo(elementType), $"{path}[{index++}]", unknown);
                }

                break;
        }
    }
}
