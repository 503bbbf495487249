using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.OpenApi;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>What the contract says about webhooks is what a receiver gets: the signature recipe and each event's body.</summary>
public partial class WebhookContractTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Delivery_SignatureComputedFromTheDocumentedRecipe_MatchesTheHeader()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var recipe = document["webhooks"]!["appointment.booked"]!["post"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "Webhook-Signature")!["description"]!.GetValue<string>();
        var subscribe = document["paths"]!["/api/webhooks"]!["post"]!["description"]!.GetValue<string>();
        // The message the recipe names, e.g. {Webhook-Id}.{Webhook-Timestamp}.{body}, and the prefix before the base64.
        var message = SignedMessage().Match(recipe);
        message.Success.ShouldBeTrue($"the recipe names no signed message: {recipe}");
        subscribe.ShouldContain(message.Value);
        subscribe.ShouldNotContain("v1=");
        recipe.ShouldContain("`v1,`");
        recipe.ShouldContain("`whsec_`");

        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(3, 10))));
        var received = await receiver.WaitForAsync(r => r.Body.Contains(booked["id"]!.GetValue<string>(), StringComparison.Ordinal), Soon);

        var signed = message.Value.Trim('`')
            .Replace("{Webhook-Id}", received.Id, StringComparison.Ordinal)
            .Replace("{Webhook-Timestamp}", received.Timestamp, StringComparison.Ordinal)
            .Replace("{body}", received.Body, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        ("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)))).ShouldBe(received.Signature);
    }

    [Fact]
    public async Task AppointmentEvents_DeliveredBodies_HaveTheShapeOfTheDocumentedExamples()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked", "appointment.cancelled");
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 10))));
        var id = booked["id"]!.GetValue<string>();
        await ApiClientExtensions.OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "Work" }));

        foreach (var (type, status) in new[] { ("appointment.booked", "Booked"), ("appointment.cancelled", "Cancelled") })
        {
            var received = await receiver.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal) && r.Body.Contains($"\"{type}\"", StringComparison.Ordinal), Soon);
            var body = JsonNode.Parse(received.Body)!;
            var example = document["webhooks"]![type]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;

            var (delivered, documented) = (ShapeOf(body), ShapeOf(example));
            delivered.Keys.ShouldBe(documented.Keys, ignoreOrder: true, type);
            delivered.Where(m => m.Value != JsonValueKind.Null && documented[m.Key] != JsonValueKind.Null)
                .ShouldAllBe(m => documented[m.Key] == m.Value, $"{type}: a member's JSON type differs from the example's");
            var data = body["data"]!;
            data["start"]!.GetValue<DateTimeOffset>().ShouldBe(booked["start"]!.GetValue<DateTimeOffset>());
            data["end"]!.GetValue<DateTimeOffset>().ShouldBe(booked["end"]!.GetValue<DateTimeOffset>());
            data["appointmentTypeId"]!.GetValue<Guid>().ShouldBe(scenario.FollowUpId);
            data["locationId"]!.GetValue<Guid>().ShouldBe(MainLocationId);
            data["status"]!.GetValue<string>().ShouldBe(status);
            data["mode"]!.GetValue<string>().ShouldBe("InPerson");
            data["channel"]!.GetValue<string>().ShouldBe("Online");
            received.Body.ShouldNotContain(profile.GivenName);
        }

        var cancelled = JsonNode.Parse((await receiver.WaitForAsync(r => r.Body.Contains("\"appointment.cancelled\"", StringComparison.Ordinal), Soon)).Body)!;
        cancelled["data"]!["cancellationReason"]!.GetValue<string>().ShouldBe("Work");
        (await ApiClientExtensions.OkAsync(await patient.GetAsync($"/api/appointments/{id}")))["channel"]!.GetValue<string>().ShouldBe("Online");
    }

    /// <summary>Every member's path and JSON kind (null where it is null: a nullable member is compared by name only).</summary>
    private static Dictionary<string, JsonValueKind> ShapeOf(JsonNode? node, string path = "") => node switch
    {
        JsonObject o => o.SelectMany(p => ShapeOf(p.Value, $"{path}.{p.Key}")).ToDictionary(),
        null => new() { [path] = JsonValueKind.Null },
        _ => new() { [path] = node.GetValueKind() },
    };

    [GeneratedRegex(@"`\{Webhook-Id\}[^`]*`")]
    private static partial Regex SignedMessage();
}
