using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>The API with retries one second apart (and no jitter), so a test sees a failed delivery retried promptly.</summary>
public sealed class WebhookApiFactory : ClinicApiFactory
{
    public WebhookApiFactory()
    {
        for (var i = 0; i < 10; i++)
        {
            Settings[$"Outbox:RetryDelays:{i}"] = "00:00:01";
        }

        Settings["Outbox:RetryJitter"] = "0";
    }
}

public static class Webhooks
{
    public static async Task<(Guid Id, string Secret)> SubscribeAsync(this HttpClient admin, Uri url, params string[] events)
    {
        var created = await ApiClientExtensions.CreatedAsync(await admin.PostAsJsonAsync("/api/webhooks", new { url, events, description = "Practice management sync" }));
        return (created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
    }

    public static async Task<JsonArray> DeliveriesAsync(this HttpClient admin, Guid subscriptionId) =>
        (await ApiClientExtensions.OkAsync(await admin.GetAsync($"/api/webhooks/{subscriptionId}/deliveries?pageSize=200")))["items"]!.AsArray();

    /// <summary>Polls the delivery log until <paramref name="condition"/> holds for it.</summary>
    public static async Task<JsonArray> DeliveriesWhenAsync(this HttpClient admin, Guid subscriptionId, Func<JsonArray, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var deliveries = await admin.DeliveriesAsync(subscriptionId);
            if (condition(deliveries))
            {
                return deliveries;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The delivery log did not reach the expected state: {deliveries.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }
}
