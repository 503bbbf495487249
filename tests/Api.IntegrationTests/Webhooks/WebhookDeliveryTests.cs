using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>Subscriptions receive signed events from the background dispatcher, through real HTTP to a real receiver.</summary>
public class WebhookDeliveryTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private static readonly string[] BookedOnly = ["appointment.booked"];

    [Fact]
    public async Task Booking_SendsACorrectlySignedAppointmentBooked_WithinSeconds()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, secret) = await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked", "appointment.cancelled");
        secret.ShouldStartWith("whsec_");
        var (patient, profile) = await factory.NewPatientClientAsync();

        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(3, 9))));
        var appointmentId = booked["id"]!.GetValue<Guid>();
        var received = await receiver.WaitForAsync(r => r.Body.Contains(appointmentId.ToString(), StringComparison.Ordinal), Soon);

        received.IsSignedWith(secret).ShouldBeTrue("the signature must verify with the secret shown at creation");
        received.IsSignedWith("whsec_someone-else").ShouldBeFalse();
        long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(
            DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var body = JsonNode.Parse(received.Body)!;
        body["type"]!.GetValue<string>().ShouldBe("appointment.booked");
        body["id"]!.GetValue<string>().ShouldBe(received.Id);
        body["data"]!["appointmentId"]!.GetValue<Guid>().ShouldBe(appointmentId);
        body["data"]!["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        body["data"]!["clinicianId"]!.GetValue<Guid>().ShouldBe(scenario.ClinicianId);
        received.Body.ShouldNotContain(profile.GivenName);
        received.Body.ShouldNotContain(profile.Email);

        // The secret is shown once: never in reads.
        (await scenario.Admin.GetStringAsync($"/api/webhooks/{subscriptionId}")).ShouldNotContain(secret);
        (await scenario.Admin.GetStringAsync("/api/webhooks")).ShouldNotContain(secret);
    }

    [Fact]
    public async Task ReceiverDown_DeliveryIsRetried_AndArrivesOnceItIsBack()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = WebhookReceiver.OnFreePort();
        var (subscriptionId, secret) = await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();
        var appointmentId = (await ApiClientExtensions.CreatedAsync(
            await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 9)))))["id"]!.GetValue<Guid>();

        // Connection refused: the failed attempt is logged and the delivery stays pending for a retry.
        var failing = await scenario.Admin.DeliveriesWhenAsync(subscriptionId, d => d.Count == 1 && d[0]!["attempts"]!.AsArray().Count >= 1, Soon);
        failing[0]!["status"]!.GetValue<string>().ShouldBe("Pending");
        var firstAttempt = failing[0]!["attempts"]![0]!;
        firstAttempt["succeeded"]!.GetValue<bool>().ShouldBeFalse();
        firstAttempt["statusCode"].ShouldBeNull();
        firstAttempt["error"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();

        await receiver.ListenAsync();
        var received = await receiver.WaitForAsync(r => r.Body.Contains(appointmentId.ToString(), StringComparison.Ordinal), Soon);
        received.IsSignedWith(secret).ShouldBeTrue();

        var delivered = await scenario.Admin.DeliveriesWhenAsync(subscriptionId, d => d[0]!["status"]!.GetValue<string>() == "Delivered", Soon);
        var attempts = delivered[0]!["attempts"]!.AsArray();
        attempts.Count.ShouldBeGreaterThanOrEqualTo(2);
        attempts[^1]!["succeeded"]!.GetValue<bool>().ShouldBeTrue();
        attempts[^1]!["statusCode"]!.GetValue<int>().ShouldBe(204);
        receiver.Accepted.Count(r => r.Id == received.Id).ShouldBe(1);
    }

    [Fact]
    public async Task ReceiverAnswers500_AttemptIsLoggedWithItsStatus_ThenRetried()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerStatus = 500;
        var (subscriptionId, _) = await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();
        await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9))));

        var failing = await scenario.Admin.DeliveriesWhenAsync(subscriptionId, d => d.Count == 1 && d[0]!["attempts"]!.AsArray().Count >= 2, Soon);
        failing[0]!["attempts"]!.AsArray().ShouldAllBe(a => a!["statusCode"]!.GetValue<int>() == 500 && !a["succeeded"]!.GetValue<bool>());

        receiver.AnswerStatus = 200;
        await scenario.Admin.DeliveriesWhenAsync(subscriptionId, d => d[0]!["status"]!.GetValue<string>() == "Delivered", Soon);
    }

    [Fact]
    public async Task Redeliver_SendsTheSameEventIdAgain_AndTheLogShowsBothAttempts()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, secret) = await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();
        var appointmentId = (await ApiClientExtensions.CreatedAsync(
            await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 9)))))["id"]!.GetValue<Guid>();
        var first = await receiver.WaitForAsync(r => r.Body.Contains(appointmentId.ToString(), StringComparison.Ordinal), Soon);
        var delivery = (await scenario.Admin.DeliveriesWhenAsync(subscriptionId, d => d.Count == 1 && d[0]!["status"]!.GetValue<string>() == "Delivered", Soon))[0]!;
        delivery["eventId"]!.GetValue<string>().ShouldBe(first.Id);

        var redelivery = await scenario.Admin.PostAsync($"/api/webhooks/{subscriptionId}/deliveries/{delivery["id"]}/redeliver", null);
        (await ApiClientExtensions.OkAsync(redelivery, HttpStatusCode.Accepted))["status"]!.GetValue<string>().ShouldBe("Pending");

        var log = await scenario.Admin.DeliveriesWhenAsync(
            subscriptionId, d => d[0]!["status"]!.GetValue<string>() == "Delivered" && d[0]!["attempts"]!.AsArray().Count == 2, Soon);
        log[0]!["attempts"]!.AsArray().ShouldAllBe(a => a!["succeeded"]!.GetValue<bool>() && a["statusCode"]!.GetValue<int>() == 204);
        var copies = receiver.Accepted.Where(r => r.Id == first.Id).ToList();
        copies.Count.ShouldBe(2);
        copies.ShouldAllBe(r => r.Body == first.Body && r.IsSignedWith(secret));
    }

    [Fact]
    public async Task DeletedSubscription_GetsNothingMore_AndAnswers404()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, _) = await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");

        (await scenario.Admin.DeleteAsync($"/api/webhooks/{subscriptionId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await scenario.Admin.GetAsync($"/api/webhooks/{subscriptionId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var (patient, _) = await factory.NewPatientClientAsync();
        await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9))));

        // A live subscription made after it shows the event was dispatched; the deleted one got nothing.
        await using var witness = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(witness.Url, "appointment.cancelled");
        (await scenario.Admin.GetFromJsonAsync<JsonArray>("/api/webhooks"))!.ShouldNotContain(s => s!["id"]!.GetValue<Guid>() == subscriptionId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        receiver.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task WebhookManagement_IsForAdministratorsOnly()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var callers = new[] { patient, await scenario.FrontDeskAsync(factory), await scenario.ClinicianClientAsync(factory) };
        foreach (var caller in callers)
        {
            (await caller.PostAsJsonAsync("/api/webhooks", new { url = "https://hooks.example.com/x", events = BookedOnly }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await caller.GetAsync("/api/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await factory.CreateClient().GetAsync("/api/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
