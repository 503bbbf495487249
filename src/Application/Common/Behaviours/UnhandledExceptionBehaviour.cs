using System.Diagnostics;
using ClinicHip.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.Common.Behaviours;

/// <summary>
/// Logs a fault — any exception that is not an <see cref="ExpectedOutcomeException"/> — once, at Error, naming the request
/// (never its content) and the trace id a problem document quotes, and lets it travel on to the caller. Expected refusals
/// are not logged here: they are answers, not faults.
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
        catch (Exception exception) when (exception is not ExpectedOutcomeException && !cancellationToken.IsCancellationRequested && !LoggedFault.IsLogged(exception))
        {
            LogUnhandled(logger, exception, RequestName, Activity.Current?.Id);
            LoggedFault.Mark(exception);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while handling {RequestName} (trace {TraceId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestName, string? traceId);
}
