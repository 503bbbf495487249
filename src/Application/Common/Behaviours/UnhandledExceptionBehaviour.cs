using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.Common.Behaviours;

/// <summary>
/// Logs an exception that is not one of the expected outcomes (validation, not found, conflict, rule),
/// naming the request but not its content, and lets it travel on to the API's error mapping.
/// </summary>
public sealed partial class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception exception) when (!IsExpectedOutcome(exception) && !cancellationToken.IsCancellationRequested)
        {
            LogUnhandled(logger, exception, RequestName);
            throw;
        }
    }

    private static bool IsExpectedOutcome(Exception exception) => exception is ValidationException or NotFoundException
        or ConflictException or ForbiddenAccessException or AuthenticationFailedException or BusinessRuleViolationException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while handling {RequestName}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestName);
}
