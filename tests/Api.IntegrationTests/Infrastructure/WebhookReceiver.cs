using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>A webhook receiver as an integrator would run one: Kestrel on 127.0.0.1, recording every POST it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> requests = new();
    private WebApplication? app;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    /// <summary>The status it answers (204 unless a test makes it fail).</summary>
    public int AnswerStatus { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>How long it takes to answer.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<Received> Requests => requests.ToArray();

    /// <summary>The requests it answered 2xx.</summary>
    public IReadOnlyList<Received> Accepted => requests.Where(r => r.AnsweredStatus is >= 200 and < 300).ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = OnFreePort();
        await receiver.ListenAsync();
        return receiver;
    }

    /// <summary>A receiver whose port is chosen but which is not listening yet: connections to it are refused.</summary>
    public static WebhookReceiver OnFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new WebhookReceiver(((IPEndPoint)listener.LocalEndpoint).Port);
    }

    public async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");

        // Another party's server: it must not take the API's Production settings copied beside the tests (AllowedHosts).
        builder.Configuration["AllowedHosts"] = "*";
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            await Task.Delay(AnswerDelay);
            var status = AnswerStatus;
            requests.Enqueue(new Received(
                context.Request.Headers["Webhook-Id"].ToString(), context.Request.Headers["Webhook-Timestamp"].ToString(),
                context.Request.Headers["Webhook-Signature"].ToString(), body, DateTimeOffset.UtcNow, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
    }

    /// <summary>Waits until a request matching <paramref name="match"/> was accepted, failing after <paramref name="timeout"/>.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Accepted.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching webhook within {timeout.TotalSeconds} s; received {requests.Count}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>One POST as received.</summary>
    public sealed record Received(string Id, string Timestamp, string Signature, string Body, DateTimeOffset ReceivedAt, int AnsweredStatus)
    {
        /// <summary>
        /// Verifies the signature as a Standard Webhooks receiver must: HMAC-SHA256 over "{id}.{timestamp}.{body}" keyed with
        /// the base64 key after "whsec_", sent as "v1,&lt;base64&gt;", compared in constant time.
        /// </summary>
        public bool IsSignedWith(string secret)
        {
            var key = new byte[secret.Length];
            if (!secret.StartsWith("whsec_", StringComparison.Ordinal) || !Convert.TryFromBase64String(secret["whsec_".Length..], key, out var length))
            {
                return false;
            }

            key = key[..length];
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Signature));
        }
    }
}
