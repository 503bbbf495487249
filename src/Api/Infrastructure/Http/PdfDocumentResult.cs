using ClinicHip.Application.Billing.Documents;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// A billing document sent as a PDF download. It carries the document's patient as its value, so the audit filter records
/// whose document was read, as it does for JSON answers.
/// </summary>
public sealed class PdfDocumentResult(BillingDocumentFile document) : IResult, IValueHttpResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string ContentType = "application/pdf";

    public object? Value => document;

    public int? StatusCode => StatusCodes.Status200OK;

    string IContentTypeHttpResult.ContentType => ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // Health data: no shared cache keeps it.
        httpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(document.Content, ContentType, document.FileName).ExecuteAsync(httpContext);
    }
}
