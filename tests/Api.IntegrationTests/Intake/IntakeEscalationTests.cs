using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Intake;

/// <summary>The API with a movable clock, captured notifications and the review window set to two hours.</summary>
public sealed class EscalationApiFactory : ClinicApiFactory
{
    public ShiftedClock Clock { get; } = new();

    public CapturingNotificationSender Notifications { get; } = new();

    public EscalationApiFactory() => Settings["Intake:UrgentReviewWithin"] = "02:00:00";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Application.Common.Interfaces.INotificationSender>(Notifications);
        });
    }
}

/// <summary>An Urgent form nobody reviews in time alerts staff and raises intake.review_overdue; a reviewed one does not.</summary>
public class IntakeEscalationTests(EscalationApiFactory factory) : IClassFixture<EscalationApiFactory>
{
    [Fact]
    public async Task UrgentFormNotReviewedInTime_AlertsStaffAndSendsReviewOverdue_AReviewedOneDoesNot()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "intake.review_overdue");
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        var waiting = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))))["id"]!.GetValue<Guid>();
        var reviewed = (await CreatedAsync(await other.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))))["id"]!.GetValue<Guid>();
        await OkAsync(await clinician.PostAsync($"/api/intake-forms/{reviewed}/review", null));

        // Within the window nothing happens.
        factory.Clock.MoveTo(DateTimeOffset.UtcNow.AddHours(1));
        await Task.Delay(1500);
        factory.Notifications.Alerts.ShouldBeEmpty();

        factory.Clock.MoveTo(DateTimeOffset.UtcNow.AddHours(2).AddMinutes(1));
        var overdue = await receiver.WaitForAsync(r => r.Body.Contains(waiting.ToString(), StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var checks = await WhenSettledAsync(waiting, reviewed);

        var body = JsonNode.Parse(overdue.Body)!;
        body["type"]!.GetValue<string>().ShouldBe("intake.review_overdue");
        body["data"]!["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        var alert = factory.Notifications.Alerts.ShouldHaveSingleItem();
        alert.IntakeFormId.ShouldBe(waiting);
        alert.Level.ShouldBe(Domain.Intake.TriageLevel.Urgent);
        alert.Waiting.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromHours(2));
        checks.Single(c => c.ResourceId == waiting).Status.ShouldBe(OutboxMessageStatus.Processed);
        checks.Single(c => c.ResourceId == reviewed).Status.ShouldBe(OutboxMessageStatus.Cancelled);
        receiver.Requests.ShouldNotContain(r => r.Body.Contains(reviewed.ToString(), StringComparison.Ordinal));
    }

    private async Task<List<OutboxMessage>> WhenSettledAsync(params Guid[] formIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var checks = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == OutboxEvents.IntakeReviewDueType && formIds.Contains(m.ResourceId)).ToListAsync();
            if (checks.All(c => c.Status != OutboxMessageStatus.Pending) || DateTime.UtcNow > deadline)
            {
                return checks;
            }

            await Task.Delay(100);
        }
    }
}
