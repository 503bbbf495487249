using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Domain.Common;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Api.Fhir;

/// <summary>
/// Errors under <c>/fhir</c> are OperationOutcome resources, not RFC 9457 problems (docs/decisions/0021): FHIR clients
/// read nothing else. The status is the one the REST API would answer; the exception handler decides it, in one place.
/// </summary>
public static class FhirOutcomes
{
    public const string PathPrefix = "/fhir";

    public static bool IsFhirRequest(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The answer to an exception the exception handler has already classified and logged.</summary>
    public static OperationOutcome For(Exception exception, int status, string traceId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = IssueTypeFor(status);
        var outcome = exception switch
        {
            ValidationException validation => Outcome([.. validation.Errors.SelectMany(e => e.Value.Select(message =>
                Issue(code, message, expression: e.Key)))]),
            ExpectedOutcomeException expected => Outcome([Issue(code, expected.Detail is { } detail ? $"{expected.Title} {detail}" : expected.Title)]),
            BadHttpRequestException => Outcome([Issue(code, "The request could not be read.")]),
            _ => Outcome([Issue(code, "An unexpected error occurred. The error has been logged; quote the trace id when you report it.")]),
        };
        return WithTrace(outcome, traceId);
    }

    /// <summary>The answer to a status written without a body: no token (401), a role or scope that is not enough (403), no such route (404), and so on.</summary>
    public static OperationOutcome ForStatus(int status, string traceId) => WithTrace(Outcome([Issue(IssueTypeFor(status), status switch
    {
        StatusCodes.Status401Unauthorized => "Sign in: send a valid bearer token.",
        StatusCodes.Status403Forbidden => "The caller's role or scopes do not allow this operation.",
        StatusCodes.Status404NotFound => "No such resource or operation.",
        StatusCodes.Status405MethodNotAllowed => "This interaction is not supported; see /fhir/metadata.",
        StatusCodes.Status429TooManyRequests => "Too many requests; try again later.",
        _ => "The request was refused.",
    })]), traceId);

    private static OperationOutcome.IssueType IssueTypeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => OperationOutcome.IssueType.Login,
        StatusCodes.Status403Forbidden => OperationOutcome.IssueType.Forbidden,
        StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
        StatusCodes.Status405MethodNotAllowed => OperationOutcome.IssueType.NotSupported,
        StatusCodes.Status409Conflict => OperationOutcome.IssueType.Conflict,
        StatusCodes.Status412PreconditionFailed => OperationOutcome.IssueType.Conflict,
        StatusCodes.Status422UnprocessableEntity => OperationOutcome.IssueType.BusinessRule,
        StatusCodes.Status429TooManyRequests => OperationOutcome.IssueType.Throttled,
        >= StatusCodes.Status500InternalServerError => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Invalid,
    };

    private static OperationOutcome Outcome(List<OperationOutcome.IssueComponent> issues) => new() { Issue = issues };

    private static OperationOutcome.IssueComponent Issue(OperationOutcome.IssueType code, string diagnostics, string? expression = null) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = code,
        Diagnostics = diagnostics,
        Expression = expression is null ? [] : [expression],
    };

    // The trace id finds the request's log lines, as the problem documents' traceId does.
    private static OperationOutcome WithTrace(OperationOutcome outcome, string traceId)
    {
        outcome.Issue.Add(new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Information,
            Code = OperationOutcome.IssueType.Informational,
            Diagnostics = $"traceId: {traceId}",
        });
        return outcome;
    }
}

/// <summary>
/// Under <c>/fhir</c>, a refusal written without a body (the authentication challenge, the authorization refusal, an
/// unknown route, the rate limiter) gets an OperationOutcome before the status-code pages would write a problem.
/// </summary>
internal sealed class FhirStatusOutcomeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext httpContext)
    {
        await next(httpContext);
        var response = httpContext.Response;
        if (response.StatusCode >= StatusCodes.Status400BadRequest && !response.HasStarted && response.ContentLength is null
            && string.IsNullOrEmpty(response.ContentType))
        {
            await FhirResult.WriteAsync(response,
                FhirOutcomes.ForStatus(response.StatusCode, Infrastructure.Errors.ProblemDetailsExceptionHandler.TraceId(httpContext)), response.StatusCode);
        }
    }
}
