using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Stripe's HTTP API as far as ClinicHip uses it, on 127.0.0.1: Checkout Sessions created from Stripe's form encoding,
/// with its bearer key and idempotency rules, and events signed with Stripe's scheme
/// (<c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload"&gt;</c>), written here from Stripe's description rather than
/// with Stripe.net, so the adapter is checked against the scheme and not against its own library.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_clinichip_local_fake";

    private readonly ConcurrentDictionary<string, JsonObject> sessions = new();
    private readonly ConcurrentDictionary<string, (string Body, JsonObject Session)> idempotent = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, long> refundedByPaymentIntent = new();
    private readonly WebApplication app;

    private FakeStripe(WebApplication app, int port)
    {
        this.app = app;
        ApiBase = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri ApiBase { get; }

    /// <summary>This endpoint's signing secret, as Stripe shows it once when the endpoint is created.</summary>
    public string WebhookSecret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>Settings that point ClinicHip at this fake.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Stripe:SecretKey"] = SecretKey,
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
        ["Payments:Stripe:ApiBase"] = ApiBase.AbsoluteUri,
        ["Payments:Stripe:MaxNetworkRetries"] = "0",
        ["Payments:ReturnUrl"] = ReturnUrl.AbsoluteUri,
    };

    /// <summary>The clinic's page Stripe sends the patient back to.</summary>
    public static Uri ReturnUrl { get; } = new("https://clinic.example/paid");

    public static async Task<FakeStripe> StartAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["AllowedHosts"] = "*";
        builder.Logging.ClearProviders();
        var fake = new FakeStripe(builder.Build(), port);
        fake.app.MapPost("/v1/checkout/sessions", (Delegate)fake.CreateSessionAsync);
        fake.app.MapGet("/v1/checkout/sessions/{id}", (string id, HttpContext context) =>
            !Authorised(context) ? Error(401, "invalid_request_error", null, "Invalid API Key provided.")
            : fake.sessions.TryGetValue(id, out var session) ? Results.Json(session)
            : Error(404, "invalid_request_error", "resource_missing", $"No such checkout.session: '{id}'"));
        await fake.app.StartAsync();
        return fake;
    }

    /// <summary>The patient pays on Stripe's page: the session completes, paid, and Stripe sends its event.</summary>
    public SignedEvent PayCheckout(string sessionId, DateTimeOffset? signedAt = null)
    {
        var session = sessions[sessionId];
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = "pi_" + Token();
        return Sign(Event("checkout.session.completed", session.DeepClone()), signedAt ?? DateTimeOffset.UtcNow);
    }

    /// <summary>Staff refund part of a payment in Stripe's dashboard: the charge's refunded total grows and Stripe says so.</summary>
    public SignedEvent Refund(string paymentIntentId, long amountMinor, string currency, DateTimeOffset? signedAt = null)
    {
        var refunded = refundedByPaymentIntent.AddOrUpdate(paymentIntentId, amountMinor, (_, before) => before + amountMinor);
        var charge = new JsonObject
        {
            ["id"] = "ch_" + Token(),
            ["object"] = "charge",
            ["amount"] = refunded,
            ["amount_refunded"] = refunded,
            ["currency"] = currency.ToLowerInvariant(),
            ["payment_intent"] = paymentIntentId,
            ["refunded"] = true,
            ["metadata"] = new JsonObject(),
        };
        return Sign(Event("charge.refunded", charge), signedAt ?? DateTimeOffset.UtcNow);
    }

    /// <summary>An event of a kind ClinicHip does not act on.</summary>
    public SignedEvent Unrelated() =>
        Sign(Event("customer.created", new JsonObject { ["id"] = "cus_" + Token(), ["object"] = "customer" }), DateTimeOffset.UtcNow);

    /// <summary>Signs a payload as Stripe does, with this endpoint's secret or another.</summary>
    public SignedEvent Sign(string payload, DateTimeOffset signedAt, string? secret = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? WebhookSecret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        var id = payload.StartsWith("{\"id\":\"", StringComparison.Ordinal) ? payload[7..payload.IndexOf('"', 7)] : string.Empty;
        return new SignedEvent(id, payload, $"t={timestamp},v1={Convert.ToHexStringLower(mac)}");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> CreateSessionAsync(HttpContext context)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var form = await context.Request.ReadFormAsync();
        var body = string.Join('&', form.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        requests.Enqueue(new RecordedRequest("POST", "/v1/checkout/sessions", key, form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString())));
        if (!Authorised(context))
        {
            return Error(401, "invalid_request_error", null, "Invalid API Key provided.");
        }

        if (key.Length > 0 && idempotent.TryGetValue(key, out var earlier))
        {
            // Stripe answers a repeated key with the first answer, and refuses the key with other parameters.
            if (earlier.Body != body)
            {
                return Error(400, "idempotency_error", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with.");
            }

            context.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Json(earlier.Session);
        }

        if (form["mode"] != "payment" || !long.TryParse(form["line_items[0][price_data][unit_amount]"], out var amount) || amount <= 0)
        {
            return Error(400, "invalid_request_error", "parameter_missing", "A payment-mode session needs a line item with a positive unit_amount.");
        }

        var id = "cs_test_" + Token();
        var metadata = new JsonObject();
        foreach (var pair in form.Where(pair => pair.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[pair.Key["metadata[".Length..^1]] = pair.Value.ToString();
        }

        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = "payment",
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["amount_total"] = amount,
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["metadata"] = metadata,
            ["payment_intent"] = null,
            ["success_url"] = form["success_url"].ToString(),
            ["cancel_url"] = form["cancel_url"].ToString(),
            ["expires_at"] = long.Parse(form["expires_at"].ToString(), CultureInfo.InvariantCulture),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
        };
        sessions[id] = session;
        if (key.Length > 0)
        {
            idempotent[key] = (body, session);
        }

        return Results.Json(session);
    }

    private static bool Authorised(HttpContext context) => context.Request.Headers.Authorization.ToString() == $"Bearer {SecretKey}";

    private static string Event(string type, JsonNode dataObject) => new JsonObject
    {
        ["id"] = "evt_" + Token(),
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = dataObject },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    private static IResult Error(int status, string type, string? code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message } }, statusCode: status);

    private static string Token() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>One request as the fake received it, form fields by Stripe's bracketed names.</summary>
    public sealed record RecordedRequest(string Method, string Path, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
}

/// <summary>A Stripe event as delivered: its id, the body, and the <c>Stripe-Signature</c> header.</summary>
public sealed record SignedEvent(string Id, string Payload, string Signature);
