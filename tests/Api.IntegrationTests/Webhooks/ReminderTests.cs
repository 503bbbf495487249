using System.Collections.Concurrent;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>The system clock moved on by however far a test asks: the app, its dispatcher included, reads time from it.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long shiftTicks;

    public TimeSpan Shift => TimeSpan.FromTicks(Interlocked.Read(ref shiftTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public void MoveTo(DateTimeOffset instant) => Interlocked.Exchange(ref shiftTicks, (instant - System.GetUtcNow()).Ticks);
}

/// <summary>Takes the reminders and alerts the app sends, as a text or email gateway would.</summary>
public sealed class CapturingNotificationSender : INotificationSender
{
    public ConcurrentQueue<AppointmentReminder> Sent { get; } = new();

    public ConcurrentQueue<IntakeReviewOverdueAlert> Alerts { get; } = new();

    public ConcurrentQueue<PatientInvitationMessage> Invitations { get; } = new();

    public ConcurrentQueue<RegistrationAttemptNotice> Notices { get; } = new();

    public ConcurrentQueue<WaitlistOfferNotice> Offers { get; } = new();

    public ConcurrentQueue<EmailChangedNotice> EmailChanges { get; } = new();

    public string Channel => "test";

    public Task SendAsync(AppointmentReminder reminder, CancellationToken cancellationToken)
    {
        Sent.Enqueue(reminder);
        return Task.CompletedTask;
    }

    public Task SendAsync(IntakeReviewOverdueAlert alert, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(alert);
        return Task.CompletedTask;
    }

    public Task SendAsync(PatientInvitationMessage invitation, CancellationToken cancellationToken)
    {
        Invitations.Enqueue(invitation);
        return Task.CompletedTask;
    }

    public Task SendAsync(RegistrationAttemptNotice notice, CancellationToken cancellationToken)
    {
        Notices.Enqueue(notice);
        return Task.CompletedTask;
    }

    public Task SendAsync(EmailChangedNotice notice, CancellationToken cancellationToken)
    {
        EmailChanges.Enqueue(notice);
        return Task.CompletedTask;
    }

    public Task SendAsync(WaitlistOfferNotice notice, CancellationToken cancellationToken)
    {
        Offers.Enqueue(notice);
        return Task.CompletedTask;
    }
}

/// <summary>The API with a clock a test can move and the reminders captured.</summary>
public sealed class ReminderApiFactory : ClinicApiFactory
{
    public ShiftedClock Clock { get; } = new();

    public CapturingNotificationSender Notifications { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<INotificationSender>(Notifications);
        });
    }
}

/// <summary>Reminders 24 h and 2 h before an appointment, through the outbox, never for a cancelled one.</summary>
public class ReminderTests(ReminderApiFactory factory) : IClassFixture<ReminderApiFactory>
{
    [Fact]
    public async Task BookingTomorrow_GetsItsReminders_WhenDue_AndACancelledOneGetsNone()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var keptStart = Local(1, 14);
        var kept = (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, keptStart))))["id"]!.GetValue<Guid>();
        var bookedAt = DateTimeOffset.UtcNow;
        var cancelled = (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(1, 10)))))["id"]!.GetValue<Guid>();
        await ApiClientExtensions.OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{cancelled}/cancel", new { reason = "Work" }));

        // The cancelled appointment's reminders were cancelled with it; the kept one's wait, except one already past due.
        var expectedLeadTimes = new[] { TimeSpan.FromHours(24), TimeSpan.FromHours(2) }.Where(lead => keptStart - lead > bookedAt).ToList();
        (await RemindersAsync(cancelled)).ShouldAllBe(r => r.Status == OutboxMessageStatus.Cancelled);
        (await RemindersAsync(cancelled)).ShouldNotBeEmpty();
        var waiting = await RemindersAsync(kept);
        waiting.Count.ShouldBe(expectedLeadTimes.Count);
        waiting.ShouldAllBe(r => r.Status == OutboxMessageStatus.Pending);
        factory.Notifications.Sent.ShouldBeEmpty();

        // An hour before the kept appointment: every reminder of both is due.
        factory.Clock.MoveTo(keptStart.AddHours(-1));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await RemindersAsync(kept)).Any(r => r.Status == OutboxMessageStatus.Pending) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var sent = factory.Notifications.Sent.ToList();
        sent.Where(r => r.AppointmentId == kept).Select(r => r.LeadTime).ShouldBe(expectedLeadTimes, ignoreOrder: true);
        sent.ShouldNotContain(r => r.AppointmentId == cancelled);
        var reminder = sent.Single(r => r.AppointmentId == kept && r.LeadTime == TimeSpan.FromHours(2));
        reminder.RecipientEmail.ShouldBe(profile.Email);
        reminder.LocalStart.ShouldBe(keptStart);
        reminder.LocalStart.Offset.ShouldBe(BrisbaneOffset);
    }

    private async Task<List<OutboxMessage>> RemindersAsync(Guid appointmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxMessageKind.Reminder && m.ResourceId == appointmentId).ToListAsync();
    }
}
