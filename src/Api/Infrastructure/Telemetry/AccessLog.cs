using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using ClinicHip.Infrastructure.Identity;

namespace ClinicHip.Api.Infrastructure.Telemetry;

/// <summary>
/// One line per request, after the answer: method, route template (never the path's values or the query, which may
/// carry a feed token), status, duration and who called (account or client id, or anonymous). No bodies, no headers.
/// Its category, <see cref="Category"/>, can be turned down on its own.
/// </summary>
internal sealed partial class AccessLogMiddleware(RequestDelegate next, ILoggerFactory loggers)
{
    public const string Category = "ClinicHip.AccessLog";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The exception handler clears the endpoint before it answers; its feature remembers the one that failed.
            var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var user = context.User;
            var caller = user.FindFirst(ClinicClaimTypes.ClientId)?.Value is { } client ? $"client:{client}"
                : user.FindFirst(ClinicClaimTypes.Subject)?.Value is { } subject ? $"user:{subject}"
                : "anonymous";
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Answered(logger, context.Request.Method, route, context.Response.StatusCode, elapsedMs, caller);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms for {Caller}")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs, string caller);
}
