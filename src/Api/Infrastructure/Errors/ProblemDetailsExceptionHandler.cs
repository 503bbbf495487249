using System.Diagnostics;
using ClinicHip.Api.Fhir;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Application.Common.Behaviours;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Domain.Common;
using ClinicHip.Infrastructure.Payments;
using ClinicHip.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Infrastructure.Errors;

/// <summary>
/// The one place where exceptions become RFC 9457 problem documents (or, under <c>/fhir</c>, FHIR OperationOutcomes). An <see cref="ExpectedOutcomeException"/> (and the
/// framework's unreadable-request exception) is an answer: its status comes from its kind, it is logged at Information
/// without a stack trace. Anything else is a fault: a 500 that reveals nothing but the trace id, logged once at Error with
/// that trace id and without the request's content.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ClinicMetrics metrics, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = StatusFor(exception);
        // The middleware has cleared the endpoint by now; its feature remembers the one that failed.
        var endpoint = (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.DisplayName;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            if (!LoggedFault.IsLogged(exception))
            {
                LogUnhandled(logger, exception, httpContext.Request.Method, endpoint, TraceId(httpContext));
                LoggedFault.Mark(exception);
            }
        }
        else
        {
            var code = (exception as ExpectedOutcomeException)?.Code;
            LogRefused(logger, httpContext.Request.Method, endpoint, status, code);
            if (code == BookAppointmentHandler.SlotConflictCode)
            {
                metrics.SlotConflict();
            }
        }

        if (FhirOutcomes.IsFhirRequest(httpContext))
        {
            await FhirResult.WriteAsync(httpContext.Response, FhirOutcomes.For(exception, status, TraceId(httpContext)), status);
            return true;
        }

        if (exception is OAuthErrorException oauth)
        {
            await WriteOAuthErrorAsync(httpContext, oauth, status, cancellationToken);
            return true;
        }

        var problem = exception switch
        {
            ExpectedOutcomeException expected => ProblemFor(httpContext, expected, status),
            BadHttpRequestException badRequest => await UnreadableRequestProblem.ForAsync(
                httpContext, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint(), badRequest, status, cancellationToken),
            PaymentProviderException => new ProblemDetails
            {
                Status = status,
                Type = ProblemType(httpContext, "payment.provider-unavailable"),
                Title = "The payment provider did not answer as expected.",
                Detail = "Nothing was charged or recorded. Try again in a few minutes, or pay at the desk.",
            },
            _ => new ProblemDetails
            {
                Status = status,
                Title = "An unexpected error occurred.",
                Detail = "The error has been logged. Quote the traceId when you report it.",
            },
        };

        httpContext.Response.StatusCode = status;
        if (exception is PatientMergedException merged)
        {
            // Where the record went, for clients that follow a moved resource by its Location.
            httpContext.Response.Headers.Location = $"/api/patients/{merged.SurvivorId}";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The status an exception is answered with: the expected outcome's kind decides; the framework's unreadable-request
    /// exception carries its own (400, 413, 415); a payment provider's failure is 502; anything else is a fault (500). The audit trail records the same status.
    /// </summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        ExpectedOutcomeException expected => expected.Outcome switch
        {
            ExpectedOutcome.InvalidRequest => StatusCodes.Status400BadRequest,
            ExpectedOutcome.Unauthenticated => StatusCodes.Status401Unauthorized,
            ExpectedOutcome.Forbidden => StatusCodes.Status403Forbidden,
            ExpectedOutcome.NotFound => StatusCodes.Status404NotFound,
            ExpectedOutcome.Conflict => StatusCodes.Status409Conflict,
            ExpectedOutcome.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            ExpectedOutcome.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            ExpectedOutcome.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            _ => throw new UnreachableException($"No status for the expected outcome {expected.Outcome}."),
        },
        BadHttpRequestException badRequest => badRequest.StatusCode,

        // The provider failed, not ClinicHip nor the caller: a gateway's fault, logged as a fault.
        PaymentProviderException => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The type URI of one of ClinicHip's own codes: its page (docs/problem-types.md), under the public address, never
    /// the request's Host header.
    /// </summary>
    public static string ProblemType(HttpContext httpContext, string code) =>
        httpContext.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.Resolve(ProblemTypeCatalogue.PathOf(code));

    private static ProblemDetails ProblemFor(HttpContext httpContext, ExpectedOutcomeException expected, int status)
    {
        var problem = expected is ValidationException validation ? new HttpValidationProblemDetails(validation.Errors.ToDictionary()) : new ProblemDetails();
        problem.Status = status;
        problem.Title = expected.Title;
        problem.Detail = expected.Detail;
        if (expected.Code is { } code)
        {
            problem.Type = ProblemType(httpContext, code);
            problem.Extensions["code"] = code;
        }

        foreach (var (key, value) in expected.Details)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>
    /// An OAuth 2.0 token error (RFC 6749 §5.2): <c>application/json</c> with <c>error</c> and <c>error_description</c>, as
    /// OAuth client libraries expect, carrying the problem members (type, title, status, detail, traceId) as well
    /// (docs/decisions/0009). <c>invalid_client</c> is a 401 with a Basic challenge; the others are 400.
    /// </summary>
    private static Task WriteOAuthErrorAsync(HttpContext httpContext, OAuthErrorException oauth, int status, CancellationToken cancellationToken)
    {
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
            ["type"] = ProblemType(httpContext, oauth.Code!),
            ["title"] = oauth.Title,
            ["status"] = status,
            ["detail"] = oauth.Detail,
            ["traceId"] = TraceId(httpContext),
        }, options: null, contentType: "application/json", cancellationToken);
    }

    /// <summary>The trace id every problem document carries, so a reported one finds the request's log lines.</summary>
    public static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Endpoint} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string? endpoint, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Endpoint}: {Status} {Code}")]
    private static partial void LogRefused(ILogger logger, string method, string? endpoint, int status, string? code);
}
