using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>A header an endpoint's success answer carries, declared with <see cref="ResponseHeaders.Sends{TBuilder}"/>.</summary>
internal sealed record ResponseHeader(string Name, string Description)
{
    public static readonly ResponseHeader ETag = new("ETag", "The resource's version: send it back as If-Match to change it.");

    public static readonly ResponseHeader NextLink = new("Link", "RFC 8288 `<address>; rel=\"next\"`: the next page of the change feed, while a page comes back full.");
}

internal static class ResponseHeaders
{
    public static TBuilder Sends<TBuilder>(this TBuilder builder, ResponseHeader header) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(header);
}

/// <summary>
/// Declares the headers the API sends on success, so generated clients can read them: <c>Location</c> on every 201 (a
/// created result always names its resource), and what an endpoint declares it sends (<see cref="ResponseHeader"/>).
/// Retry-After is declared with the 429 it comes with (<see cref="ProblemResponsesOperationFilter"/>).
/// </summary>
internal sealed class ResponseHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ResponseHeader>().ToList();
        foreach (var (status, candidate) in operation.Responses?.Where(r => r.Key.StartsWith('2') && r.Key != "204") ?? [])
        {
            if (candidate is not OpenApiResponse response)
            {
                continue;
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (status == "201")
            {
                response.Headers["Location"] = Header("The created resource's address.", "uri-reference");
            }

            foreach (var header in declared)
            {
                response.Headers[header.Name] = Header(header.Description, null);
            }
        }
    }

    private static OpenApiHeader Header(string description, string? format) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = format } };
}
