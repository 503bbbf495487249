namespace ClinicHip.Api.Infrastructure;

/// <summary>
/// <c>dotnet ClinicHip.Api.dll --health</c>: asks the running API on this machine whether it is ready and exits 0 or 1,
/// for a container HEALTHCHECK in a runtime image that has neither curl nor wget. It starts no host and reads no settings.
/// </summary>
internal static class HealthProbe
{
    public const string Argument = "--health";

    public static async Task<int> RunAsync()
    {
        // The first of ASPNETCORE_HTTP_PORTS (the image sets 8080); Host: localhost, which AllowedHosts must keep.
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','])[0].Trim();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://localhost:{port}/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
