using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>Two API processes on one SQLite file, each with its own dispatcher polling fast: every event arrives exactly once.</summary>
public sealed class TwoDispatcherTests : IAsyncLifetime
{
    private const int Bookings = 24;
    private readonly TemporaryDatabase database = new();
    private readonly DirectoryInfo keyRing = Directory.CreateTempSubdirectory("clinichip-keys-");
    private ApiProcess? first;
    private ApiProcess? second;

    public async ValueTask InitializeAsync()
    {
        var settings = database.ApiSettings();
        settings["Webhooks:AllowPrivateTargets"] = "true";
        settings["Webhooks:AllowHttpTargets"] = "true";
        settings["Outbox:PollInterval"] = "00:00:00.050";
        settings["Outbox:BatchSize"] = "3";
        settings["Outbox:RetryJitter"] = "0";
        // Retries a second apart for a minute: on a loaded machine the first deliveries may fail for a while before the
        // last one is attempted and the receiver comes up, and none may give up meanwhile.
        for (var i = 0; i < 60; i++)
        {
            settings[$"Outbox:RetryDelays:{i}"] = "00:00:01";
        }

        // Both processes decrypt the signing secret with the same keys, as instances behind one load balancer must.
        settings["DataProtection:KeyRingPath"] = keyRing.FullName;
        first = await ApiProcess.StartAsync(settings);
        second = await ApiProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in new[] { first, second })
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }

        database.Dispose();
        keyRing.Delete(recursive: true);
    }

    [Fact]
    public async Task TwoApiProcessesDispatchingOneDatabase_DeliverEveryEventExactlyOnce()
    {
        // Down at first, so every delivery fails once and all fall due for their retry together, for both dispatchers.
        await using var receiver = WebhookReceiver.OnFreePort();
        receiver.AnswerDelay = TimeSpan.FromMilliseconds(100);
        using var setup = first!.CreateClient();
        var admin = setup.WithBearer((await setup.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var scenario = await CreateAsync(admin);
        var (subscriptionId, secret) = await admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var patient = await setup.RegisterPatientAsync();

        using var viaSecond = second!.CreateClient().WithBearer(admin.DefaultRequestHeaders.Authorization!.Parameter!);
        for (var i = 0; i < Bookings; i++)
        {
            var start = Local(3 + (i / 12), 8) + TimeSpan.FromMinutes(30 * (i % 12));
            var client = i % 2 == 0 ? admin : viaSecond;
            await ApiClientExtensions.CreatedAsync(await client.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start, patientId: patient.Id)));
        }

        await admin.DeliveriesWhenAsync(subscriptionId, d => d.Count == Bookings && d.All(x => x!["attempts"]!.AsArray().Count >= 1), TimeSpan.FromSeconds(30));
        await receiver.ListenAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Accepted.Select(r => r.Id).Distinct().Count() < Bookings && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Give a second copy, if either dispatcher were to send one, time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var received = receiver.Accepted;
        received.Select(r => r.Id).Distinct().Count().ShouldBe(Bookings);
        received.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no event may be delivered twice");
        received.ShouldAllBe(r => r.IsSignedWith(secret));
    }
}
