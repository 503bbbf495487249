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
/// POSTs one event signed as the Standard Webhooks specification says (https://www.standardwebhooks.com):
/// <c>Webhook-Id</c> (the event id, the same on every retry), <c>Webhook-Timestamp</c> (unix seconds) and
/// <c>Webhook-Signature: v1,&lt;base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")&gt;</c>, the key being the base64
/// after the secret's <c>whsec_</c>. Redirects are not followed.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    private const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var key = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, key, out var length))
        {
            // Secrets issued before the standard signature (base64url, no padding) keep the former one until their
            // subscription is replaced: "v1=" and the hex HMAC keyed with the secret's text over "{timestamp}.{body}" (CHANGELOG.md).
            var legacy = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
            return "v1=" + Convert.ToHexStringLower(legacy);
        }

        var mac = HMACSHA256.HashData(key.AsSpan(0, length), Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    public async Task<WebhookAttemptResult> SendAsync(Uri url, Guid eventId, string body, string secret, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Webhook-Id", eventId.ToString());
        request.Headers.Add("Webhook-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Webhook-Signature", Sign(secret, eventId.ToString(), timestamp, body));

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
