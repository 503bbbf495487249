namespace ClinicHip.Api.Infrastructure;

internal static partial class StartupLog
{
    /// <summary>Tells a newcomer where to point the browser once the API is up.</summary>
    public static void AnnounceAddresses(WebApplication app)
    {
        foreach (var address in app.Urls)
        {
            Listening(app.Logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ClinicHip API listening on {Address}; Swagger UI at {Address}/swagger")]
    private static partial void Listening(ILogger logger, string address);
}
