using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>Rate limits at their configured values.</summary>
public sealed class RateLimitedFactory : ClinicApiFactory
{
    public RateLimitedFactory()
    {
        Settings["RateLimits:AuthPermitLimit"] = "5";
        Settings["RateLimits:AuthWindowSeconds"] = "60";
        Settings["RateLimits:WritePermitLimit"] = "3";
        Settings["RateLimits:WriteWindowSeconds"] = "60";
    }
}

public class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Auth_BeyondTheLimitPerAddress_Returns429WithRetryAfter_AndOtherEndpointsStillAnswer()
    {
        var client = factory.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await client.RequestTokenAsync("nobody@example.com", "wrong-password-x"));
        }

        answers.Take(5).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var limited = answers[5];
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>Writes are limited per user; reads are not.</summary>
public class WriteRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Writes_BeyondTheLimitPerUser_Return429_ReadsDoNot()
    {
        var admin = await factory.AdminClientAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await admin.PostAsJsonAsync("/api/appointment-types", new { name = $"Type {i}", durationMinutes = 30, bufferAfterMinutes = 0, mode = "Either", bookableOnline = true })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
        for (var i = 0; i < 5; i++)
        {
            (await admin.GetAsync("/api/appointment-types")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

public class SecurityHeaderTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/no-such-route")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }
}

/// <summary>Limits only a real server enforces: Kestrel, on 127.0.0.1.</summary>
public sealed class KestrelLimitTests : IAsyncLifetime
{
    private readonly TemporaryDatabase database = new();
    private ApiProcess? api;

    public async ValueTask InitializeAsync() => api = await ApiProcess.StartAsync(database.ApiSettings());

    public async ValueTask DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        database.Dispose();
    }

    [Fact]
    public async Task OversizedBody_Returns413Problem_AndNoServerBanner()
    {
        using var client = api!.CreateClient();
        var huge = new string('x', 300 * 1024);

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "big@example.com", password = huge });

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        response.Headers.Contains("Server").ShouldBeFalse();
    }
}
