using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// The error answers every operation can give, documented from what the pipeline does rather than endpoint by
/// endpoint, so a new endpoint is described correctly without remembering to: 400 when there is a body, a query or
/// a header to read; 404 when the route names a resource; 429 where the rate limiter applies; an <c>If-Match</c>
/// parameter where 412 is documented, required on a PUT (428 without it). Every error answer is <c>application/problem+json</c> with the
/// ProblemDetails schema (HttpValidationProblemDetails for 400).
/// </summary>
internal sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<string, string> DefaultDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "The request is not valid: a field is missing or malformed (see errors), or the body is not readable JSON.",
        ["401"] = "No valid access token was sent.",
        ["403"] = "The caller may not use this operation.",
        ["404"] = "No such resource, or one the caller may not see.",
        ["409"] = "The resource's current state does not allow this.",
        ["412"] = "The resource changed since the If-Match version.",
        ["428"] = "If-Match is missing: send the ETag from reading the resource (or * to replace any version).",
        ["422"] = "A business rule refuses the request; the problem's code names it.",
        ["429"] = "Too many requests: wait the seconds in Retry-After, then try again.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var parameters = description.ParameterDescriptions;
        operation.Responses ??= [];

        if (parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Query || p.Source == BindingSource.Header))
        {
            operation.Responses.TryAdd("400", new OpenApiResponse());
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            operation.Responses.TryAdd("404", new OpenApiResponse());
        }

        if (IsRateLimited(description.RelativePath, description.HttpMethod, context.ApiDescription.ActionDescriptor.EndpointMetadata))
        {
            operation.Responses.TryAdd("429", new OpenApiResponse
            {
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before trying again.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    },
                },
            });
        }

        if (operation.Responses.ContainsKey("412"))
        {
            var replaces = HttpMethods.IsPut(description.HttpMethod ?? "");
            AddIfMatchParameter(operation, replaces);
            if (replaces)
            {
                operation.Responses.TryAdd("428", new OpenApiResponse());
            }
        }

        foreach (var (status, response) in operation.Responses.Where(r => r.Key[0] is '4' or '5' && !HasErrorBodyOfItsOwnStandard(r.Value)).ToList())
        {
            operation.Responses[status] = AsProblem(status, response, context);
        }
    }

    /// <summary>An error body another standard defines, declared on the endpoint (OAuth 2.0's token errors): left as declared.</summary>
    private static bool HasErrorBodyOfItsOwnStandard(IOpenApiResponse response) =>
        response.Content?.TryGetValue("application/json", out var json) == true
        && json.Schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id && !id.EndsWith("ProblemDetails", StringComparison.Ordinal);

    /// <summary>The same partition rule as <see cref="Security.AbuseLimits"/>: /api/auth per client address, other writes per signed-in user.</summary>
    private static bool IsRateLimited(string? relativePath, string? method, IList<object> metadata) =>
        (relativePath ?? "").StartsWith("api/auth/", StringComparison.OrdinalIgnoreCase)
        || (!HttpMethods.IsGet(method ?? "") && !HttpMethods.IsHead(method ?? "") && !metadata.OfType<IAllowAnonymous>().Any());

    private static void AddIfMatchParameter(OpenApiOperation operation, bool required)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, "If-Match", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = required,
            Description = required
                ? "The ETag from reading the resource (required: 428 without it; * replaces any version): the change is refused with 412 if it changed meanwhile."
                : "The ETag from reading the resource: the change is refused with 412 if it changed meanwhile.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static OpenApiResponse AsProblem(string status, IOpenApiResponse response, OperationFilterContext context)
    {
        var schemaType = status == "400" ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        var text = response.Description;
        if (string.IsNullOrWhiteSpace(text) || IsReasonPhrase(status, text))
        {
            text = DefaultDescriptions.GetValueOrDefault(status, "The request failed.");
        }

        return new OpenApiResponse
        {
            Description = text,
            Headers = response.Headers,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [ProblemContentType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(schemaType, context.SchemaRepository) },
            },
        };
    }

    // ProducesProblem and friends describe a response by its bare reason phrase ("Bad Request"); RFC 9110 renamed 422.
    private static bool IsReasonPhrase(string status, string text) =>
        (int.TryParse(status, out var code) && string.Equals(ReasonPhrases.GetReasonPhrase(code), text, StringComparison.OrdinalIgnoreCase))
        || (status == "422" && string.Equals(text, "Unprocessable Content", StringComparison.OrdinalIgnoreCase));
}
