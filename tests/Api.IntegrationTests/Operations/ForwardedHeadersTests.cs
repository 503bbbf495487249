using System.Net;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// Behind a reverse proxy (docs/operations.md, Scale-out): the per-address sign-in limit applies to the client named in
/// X-Forwarded-For when, and only when, the connection comes from a configured proxy.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const int AuthLimit = 3;
    private readonly TemporaryDatabase database = new();
    private ApiProcess? behindProxy;
    private ApiProcess? exposed;

    public async ValueTask InitializeAsync()
    {
        var settings = database.ApiSettings();
        settings["RateLimits:AuthPermitLimit"] = AuthLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        exposed = await ApiProcess.StartAsync(settings);
        settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        behindProxy = await ApiProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in new[] { behindProxy, exposed })
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }

        database.Dispose();
    }

    [Fact]
    public async Task SignInLimit_BehindAConfiguredProxy_CountsEachForwardedClientApart()
    {
        using var client = behindProxy!.CreateClient();

        var first = await SignInAttemptsAsync(client, "203.0.113.1", AuthLimit + 1);
        var second = await SignInAttemptsAsync(client, "203.0.113.2", 1);

        first[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        second.ShouldAllBe(status => status != HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SignInLimit_WithoutAConfiguredProxy_IgnoresXForwardedFor()
    {
        using var client = exposed!.CreateClient();

        await SignInAttemptsAsync(client, "203.0.113.1", AuthLimit);
        var spoofed = await SignInAttemptsAsync(client, "203.0.113.2", 1);

        spoofed.ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
    }

    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { email = "nobody@clinic.example", password = "wrong-password-123" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}
