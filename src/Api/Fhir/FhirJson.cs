using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;

namespace ClinicHip.Api.Fhir;

/// <summary>FHIR R4 JSON (4.0.1) as the specification defines it, written by the Firely SDK's serializer.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
}

/// <summary>
/// A FHIR answer. <see cref="Value"/> is what the use case returned (not the FHIR resource), so the audit filter finds
/// the patients it concerns exactly as it does for the REST answers.
/// </summary>
public sealed class FhirResult(Resource resource, object? audited, int statusCode = StatusCodes.Status200OK) : IResult, IValueHttpResult, IStatusCodeHttpResult
{
    public Resource Resource { get; } = resource;

    public object? Value { get; } = audited;

    public int? StatusCode { get; } = statusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return WriteAsync(httpContext.Response, Resource, StatusCode ?? StatusCodes.Status200OK);
    }

    public static Task WriteAsync(HttpResponse response, Resource resource, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        response.ContentType = $"{FhirJson.MediaType}; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, resource, resource.GetType(), FhirJson.Options, response.HttpContext.RequestAborted);
    }
}
