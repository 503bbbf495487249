using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Webhooks;

/// <summary>The outcome of one POST to a receiver.</summary>
/// <param name="StatusCode">The receiver's status, or null when there was no answer.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Duration">How long it took.</param>
public sealed record WebhookAttemptResult(int? StatusCode, string? Error, TimeSpan Duration);

/// <summary>
/// POSTs one signed event: <c>Webhook-Id</c> (the event id), <c>Webhook-Timestamp</c> (unix seconds) and
/// <c>Webhook-Signature: v1=&lt;hex HMAC-SHA256(secret, "{timestamp}.{body}")&gt;</c>. Redirects are not followed.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }

    public async Task<WebhookAttemptResult> SendAsync(Uri url, Guid eventId, string body, string secret, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Webhook-Id", eventId.ToString());
        request.Headers.Add("Webhook-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Webhook-Signature", Sign(secret, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var started = clock.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(WebhookTargetPolicy.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookAttemptResult(status, response.IsSuccessStatusCode ? null : $"The receiver answered {status}.", clock.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.", clock.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.InnerException is SocketException socket ? $"{exception.Message} ({socket.SocketErrorCode})" : exception.Message;
            return new WebhookAttemptResult(null, reason, clock.GetElapsedTime(started));
        }
    }
}
