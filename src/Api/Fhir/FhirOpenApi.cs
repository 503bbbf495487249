using ClinicHip.Fhir;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Fhir;

/// <summary>
/// The FHIR operations have their own OpenAPI document, <c>/swagger/fhir/swagger.json</c> (docs/decisions/0021): their
/// bodies are FHIR resources defined by the specification and their errors OperationOutcomes, so the REST document's
/// rules (typed JSON schemas, problem documents) do not fit them. The search parameters are documented from
/// <see cref="FhirCapabilities"/>, the list the CapabilityStatement is built from.
/// </summary>
public sealed class FhirOperationFilter : IOperationFilter
{
    public const string DocumentName = "fhir";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.ApiDescription.GroupName != DocumentName)
        {
            return;
        }

        var path = context.ApiDescription.RelativePath ?? "";
        if (path.EndsWith(FhirEndpoints.SmartConfigurationPath, StringComparison.Ordinal))
        {
            // Plain JSON, as the SMART App Launch specification defines it.
            return;
        }

        var type = path.Split('/') is [_, var resource, ..] ? resource : null;
        var searched = FhirCapabilities.Resources.SingleOrDefault(r => r.Type == type);
        var kickoff = path.EndsWith($"${BulkExport.FhirBulkExportEndpoints.ExportOperation}", StringComparison.Ordinal);
        if (kickoff)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Prefer", In = ParameterLocation.Header, Required = true, Description = "respond-async: the export runs in the background.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            foreach (var (name, documentation) in BulkExport.FhirBulkExportEndpoints.Parameters)
            {
                operation.Parameters.Add(Query(name, documentation));
            }
        }
        else if (searched.Type is not null && !path.Contains('{', StringComparison.Ordinal))
        {
            operation.Parameters ??= [];
            foreach (var (name, kind, documentation) in searched.Search)
            {
                operation.Parameters.Add(Query(name, $"{documentation} (FHIR {kind} parameter)"));
            }

            operation.Parameters.Add(Query(FhirSearch.Count, "Page size, 1 to 200 (default 50); the Bundle's next link gives the following page."));
            if (FhirCapabilities.Includes.GetValueOrDefault(searched.Type) is { } includes)
            {
                operation.Parameters.Add(Query(FhirSearch.Include, $"Resources to add to the Bundle (repeatable): {string.Join(", ", includes)}."));
            }
        }

        // Every answer, success or error, is a FHIR resource: the specification defines its schema. The Bulk Data status
        // and file answers are the exceptions the IG defines: an empty 202, the manifest (plain JSON) and NDJSON files.
        var bulkData = path.Contains(BulkExport.FhirBulkExportEndpoints.StatusPath, StringComparison.Ordinal)
            || path.Contains(BulkExport.FhirBulkExportEndpoints.FilePath, StringComparison.Ordinal);
        foreach (var (status, response) in operation.Responses?.Where(r => r.Value is OpenApiResponse).Select(r => (r.Key, (OpenApiResponse)r.Value)) ?? [])
        {
            if (bulkData && status is "200" or "202")
            {
                response.Content = status == "202" ? null : BulkDataAnswer(path);
                continue;
            }

            response.Content = new Dictionary<string, IOpenApiMediaType>
            {
                [FhirJson.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "A FHIR R4 resource (https://hl7.org/fhir/R4/): the resource read, a searchset Bundle, the CapabilityStatement, or an OperationOutcome for an error.",
                        Required = new HashSet<string> { "resourceType" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["resourceType"] = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            };
        }
    }

    /// <summary>A completed export's manifest (plain JSON, as the Bulk Data IG defines it), or one of its NDJSON files.</summary>
    private static Dictionary<string, IOpenApiMediaType> BulkDataAnswer(string path) =>
        path.Contains(BulkExport.FhirBulkExportEndpoints.FilePath, StringComparison.Ordinal)
            ? new Dictionary<string, IOpenApiMediaType>
            {
                [BulkExport.FhirBulkExportEndpoints.NdjsonMediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One FHIR R4 resource (JSON) per line, all of the file's type." },
                },
            }
            : new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "The Bulk Data manifest: transactionTime, request, requiresAccessToken, output (type, url, count), error.",
                        Required = new HashSet<string> { "transactionTime", "request", "requiresAccessToken", "output", "error" },
                    },
                },
            };

    private static OpenApiParameter Query(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
