using System.Diagnostics;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using ClinicHip.Infrastructure.BackgroundWork;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.BackgroundWork;

/// <summary>A worker sleeps until its signal or its poll: work written on this instance is taken at once.</summary>
public sealed class WorkSignalTests(WorkSignalTests.SlowPollFactory factory) : IClassFixture<WorkSignalTests.SlowPollFactory>
{
    [Fact]
    public async Task WaitAsync_WokenWhileWaiting_ReturnsTrueLongBeforeTheTimeout()
    {
        using var signal = new WorkSignal();
        var clock = Stopwatch.StartNew();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        signal.Wake();

        (await waiting).ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_WokenTwiceBeforeWaiting_WakesOnceThenTimesOut()
    {
        using var signal = new WorkSignal();
        signal.Wake();
        signal.Wake();

        (await signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldBeTrue();
        (await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None)).ShouldBeFalse("one wake stands for any number of writes");
    }

    [Fact]
    public async Task Booking_DispatcherPollingHourly_DeliversItsWebhookWithinSeconds()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();

        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(3, 9))));

        var id = booked["id"]!.GetValue<Guid>().ToString();
        await receiver.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    /// <summary>The API whose dispatcher polls once an hour: only the outbox signal can make it deliver promptly.</summary>
    public sealed class SlowPollFactory : ClinicApiFactory
    {
        public SlowPollFactory() => Settings["Outbox:PollInterval"] = "01:00:00";
    }
}
