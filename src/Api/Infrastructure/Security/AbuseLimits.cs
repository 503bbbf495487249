using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>The <c>RateLimits</c> section.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests to /api/auth/* per client address per window (sign-in, registration, refresh).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:AuthPermitLimit must be at least {1}.")]
    public int AuthPermitLimit { get; set; } = 20;

    [Range(1, 86_400, ErrorMessage = "RateLimits:AuthWindowSeconds must be between {1} and {2}.")]
    public int AuthWindowSeconds { get; set; } = 60;

    /// <summary>Writes (POST, PUT, DELETE) per signed-in user per window.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:WritePermitLimit must be at least {1}.")]
    public int WritePermitLimit { get; set; } = 120;

    [Range(1, 86_400, ErrorMessage = "RateLimits:WriteWindowSeconds must be between {1} and {2}.")]
    public int WriteWindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limits with the framework's limiter: strict per client address on the authentication endpoints (password
/// guessing, account farming), per user on writes. Reads are not limited here. A refusal is a 429 problem document
/// with Retry-After.
/// </summary>
internal static class AbuseLimits
{
    public const int MaxRequestBodyBytes = 256 * 1024;

    public static IServiceCollection AddClinicRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limits.AuthWindowSeconds);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Wait for the time in Retry-After, then try again." },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase))
        {
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter($"auth:{address}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.AuthPermitLimit,
                Window = TimeSpan.FromSeconds(limits.AuthWindowSeconds),
            });
        }

        var user = context.User.FindFirstValue(ClinicClaimTypes.Subject);
        if (user is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        return RateLimitPartition.GetFixedWindowLimiter($"writes:{user}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.WritePermitLimit,
            Window = TimeSpan.FromSeconds(limits.WriteWindowSeconds),
        });
    }
}

/// <summary>Response headers that keep browsers from guessing, leaking or framing.</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        await next(context);
    });
}
