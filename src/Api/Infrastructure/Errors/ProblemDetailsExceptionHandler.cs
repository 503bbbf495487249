using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ClinicHip.Api.Infrastructure.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem documents. Expected outcomes map to 4xx; anything
/// else is a 500 that reveals nothing but the trace id, and is logged without the request's content.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OAuthErrorException oauth)
        {
            await WriteOAuthErrorAsync(httpContext, oauth, cancellationToken);
            return true;
        }

        var problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(validation.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = "See the errors for each field.",
            },
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode switch
                {
                    StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    _ => "The request could not be read.",
                },
                Detail = badRequest.StatusCode == StatusCodes.Status400BadRequest ? DescribeUnreadableRequest(httpContext.Request, badRequest) : null,
            },
            AuthenticationFailedException failed => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Authentication failed.", Detail = failed.Message },
            ForbiddenAccessException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = forbidden.Message },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            ConflictException conflict => Coded(StatusCodes.Status409Conflict, "Conflict.", conflict.Message, conflict.Code, conflict.Details),
            StateConflictException state => Coded(StatusCodes.Status409Conflict, "Not possible in the current state.", state.Message, state.Code),
            PreconditionFailedException stale => new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "Precondition failed.", Detail = stale.Message },
            BusinessRuleViolationException rule => Coded(StatusCodes.Status422UnprocessableEntity, "A business rule was broken.", rule.Message, rule.Code),
            UnprocessableRequestException unprocessable => Coded(StatusCodes.Status422UnprocessableEntity, "The request cannot be carried out.", unprocessable.Message, unprocessable.Code),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged. Quote the traceId when you report it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            ;
    }

    /// <summary>
    /// An OAuth 2.0 token error (RFC 6749 §5.2): <c>application/json</c> with <c>error</c> and <c>error_description</c>, as
    /// OAuth client libraries expect, carrying the problem members (type, title, status, detail, traceId) as well
    /// (docs/decisions/0009). <c>invalid_client</c> is a 401 with a Basic challenge; the others are 400.
    /// </summary>
    private static Task WriteOAuthErrorAsync(HttpContext httpContext, OAuthErrorException oauth, CancellationToken cancellationToken)
    {
        var status = oauth.Error == OAuthErrorException.InvalidClient ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        var response = httpContext.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"ClinicHip\", charset=\"UTF-8\"";
        }

        return response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["error"] = oauth.Error,
            ["error_description"] = oauth.Message,
            ["type"] = ProblemType($"oauth.{oauth.Error}"),
            ["title"] = "The token request was refused.",
            ["status"] = status,
            ["detail"] = oauth.Message,
            ["traceId"] = System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier,
        }, options: null, contentType: "application/json", cancellationToken);
    }

    /// <summary>Problem types of ClinicHip's own codes; docs/problem-types.md lists them.</summary>
    public static string ProblemType(string code) => $"urn:clinichip:problem:{code}";

    private static ProblemDetails Coded(int status, string title, string detail, string code, IReadOnlyDictionary<string, object?>? details = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = ProblemType(code) };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in details ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    // The framework's JSON messages name the field path and position, never the value sent.
    private static string DescribeUnreadableRequest(HttpRequest request, BadHttpRequestException exception) => exception.InnerException switch
    {
        System.Text.Json.JsonException json => $"The body is not valid JSON for this operation: {json.Message}",
        _ when request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0 => "This operation needs a JSON body.",
        _ => exception.Message,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Endpoint}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string? endpoint);
}
