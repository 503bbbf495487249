using System.Text.Json;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Api.Fhir;

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
