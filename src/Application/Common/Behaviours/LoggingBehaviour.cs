using System.Diagnostics;
using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.Common.Behaviours;

/// <summary>
/// Logs each request's name, the caller's user (or integration client) id and how long it took. Never the request itself:
/// requests carry health data and passwords.
/// </summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var response = await next();
            succeeded = true;
            return response;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogHandled(logger, RequestName, currentUser.UserId, currentUser.ClientId, succeeded, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {RequestName} for user {UserId} client {ClientId}: succeeded {Succeeded} in {ElapsedMilliseconds:F1} ms")]
    private static partial void LogHandled(ILogger logger, string requestName, Guid? userId, Guid? clientId, bool succeeded, double elapsedMilliseconds);
}
