using System.Diagnostics;
using System.Text.Json;
using ClinicHip.Application.Auth;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Intake;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Reminders;
using ClinicHip.Application.Waitlist;
using ClinicHip.Infrastructure.BackgroundWork;
using ClinicHip.Infrastructure.Persistence;
using ClinicHip.Infrastructure.Telemetry;
using ClinicHip.Infrastructure.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ClinicHip.Domain.Webhooks;
using ClinicHip.Domain.Common;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>
/// Processes due outbox rows (fanning events out to subscriptions as deliveries, sending reminders) and sends due
/// webhook deliveries. Every row is claimed first with a <see cref="RowLease"/>, so several API instances on one
/// database never process a row twice. Wakes on its poll interval, or at once when a save in this instance wrote
/// outbox work; a stop mid-claim frees what it had not done, for another instance to take at once.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, OutboxOptions options, TimeProvider clock, ClinicMetrics metrics, ILogger<OutboxDispatcher> logger)
    : LeasedWorker(signal)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override TimeSpan PollInterval => options.PollInterval;

    /// <summary>A rush of commits (bookings) is claimed together instead of one claim and one save per commit.</summary>
    protected override TimeSpan BatchWindow => options.BatchWindow;

    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ProcessOutboxAsync(cancellationToken) + await DeliverAsync(cancellationToken);

    protected override void RoundFailed(Exception exception) => DispatchFailed(logger, exception);

    private async Task<int> ProcessOutboxAsync(CancellationToken cancellationToken)
    {
        var lease = RowLease.New(options.LeaseDuration);
        IReadOnlyList<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var now = Now;
            claimed = await lease.ClaimAsync(
                db, db.OutboxMessages, m => m.Status == OutboxMessageStatus.Pending && m.DueAtUtc <= now, m => m.DueAtUtc, options.BatchSize, now, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            await ReleasingOnStopAsync(lease, db => db.OutboxMessages, () => RunClaimedAsync(lease, cancellationToken));
        }

        return claimed.Count;
    }

    /// <summary>
    /// Events are fanned out together in one save (measured: one save per event could not keep up with 200 bookings a
    /// second); each reminder is saved with its own send.
    /// </summary>
    private async Task RunClaimedAsync(RowLease lease, CancellationToken cancellationToken)
    {
        List<Guid> reminders;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var messages = await db.OutboxMessages.Where(m => m.LeaseOwner == lease.Owner).ToListAsync(cancellationToken);
            var now = Now;
            messages.ForEach(m => metrics.OutboxWorkRan(now - m.DueAtUtc));
            var events = messages.Where(m => m.Kind == OutboxMessageKind.Event).ToList();
            if (events.Count > 0)
            {
                await FanOutAsync(db, events, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            reminders = [.. messages.Where(m => m.Kind == OutboxMessageKind.Reminder).Select(m => m.Id)];
        }

        foreach (var id in reminders)
        {
            await using var scope = scopes.CreateAsyncScope();
            await ProcessReminderAsync(scope.ServiceProvider, id, lease.Owner, cancellationToken);
        }
    }

    /// <summary>Runs a claim's work; if the host stops it midway, frees the rows it had not finished.</summary>
    private async Task ReleasingOnStopAsync<TRow>(RowLease lease, Func<ApplicationDbContext, DbSet<TRow>> rows, Func<Task> work)
        where TRow : class, ILeasedRow
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await lease.ReleaseAsync(db, rows(db), CancellationToken.None);
            throw;
        }
    }

    private async Task ProcessReminderAsync(IServiceProvider services, Guid id, string lease, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.LeaseOwner == lease, cancellationToken);
        if (message is null)
        {
            return;
        }

        await RemindAsync(services, message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One delivery row per subscription that wants each event, saved with the events marked processed.</summary>
    private async Task FanOutAsync(ApplicationDbContext db, List<OutboxMessage> events, CancellationToken cancellationToken)
    {
        var now = Now;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.DeletedAtUtc == null).ToListAsync(cancellationToken);
        if (subscriptions.Count > 0)
        {
            // A claim that expired mid-way may have queued some already: the (subscription, event) index answers which.
            var (subscriptionIds, eventIds) = (subscriptions.ConvertAll(s => s.Id), events.ConvertAll(e => e.Id));
            var queued = (await db.WebhookDeliveries.AsNoTracking()
                .Where(d => subscriptionIds.Contains(d.SubscriptionId) && eventIds.Contains(d.EventId))
                .Select(d => new { d.SubscriptionId, d.EventId }).ToListAsync(cancellationToken))
                .Select(d => (d.SubscriptionId, d.EventId)).ToHashSet();
            foreach (var message in events)
            {
                foreach (var subscription in subscriptions.Where(s => s.Wants(message.Type) && !queued.Contains((s.Id, message.Id))))
                {
                    db.WebhookDeliveries.Add(WebhookDelivery.For(subscription, message.Id, message.Type, now));
                }
            }
        }

        events.ForEach(message => message.Complete(OutboxMessageStatus.Processed, now));
    }

    /// <summary>
    /// Runs a due row: an appointment reminder, an Urgent or Emergency form's review check, an account notice or
    /// invitation, or the waitlist's work (offering freed time, telling a patient of an offer, lapsing an unanswered offer).
    /// </summary>
    private async Task RemindAsync(IServiceProvider services, OutboxMessage message, CancellationToken cancellationToken)
    {
        var mediator = services.GetRequiredService<IMediator>();
        try
        {
            var done = message.Type switch
            {
                OutboxEvents.IntakeReviewDueType => await mediator.Send(
                    new EscalateOverdueIntakeReviewCommand(Payload<IntakeReviewDuePayload>(message).IntakeFormId), cancellationToken) == ReviewCheckOutcome.Escalated,
                OutboxEvents.PatientInvitationType => await mediator.Send(
                    new SendPatientInvitationCommand(Payload<PatientInvitationPayload>(message).InvitationId), cancellationToken),
                OutboxEvents.RegistrationAttemptType => await mediator.Send(NoticeCommand(Payload<RegistrationAttemptPayload>(message)), cancellationToken),
                OutboxEvents.EmailChangedNoticeType => await mediator.Send(new SendEmailChangedNoticeCommand(Payload<EmailChangedNotice>(message)), cancellationToken),
                OutboxEvents.WaitlistTimeFreedType => await OfferFreedTimeAsync(Payload<DiaryTimeFreedPayload>(message), cancellationToken),
                OutboxEvents.WaitlistOfferNoticeType => await mediator.Send(
                    new NotifyWaitlistOfferCommand(Payload<WaitlistOfferPayload>(message).WaitlistOfferId), cancellationToken),
                OutboxEvents.WaitlistOfferExpiryType => await mediator.Send(
                    new ExpireWaitlistOfferCommand(Payload<WaitlistOfferPayload>(message).WaitlistOfferId), cancellationToken),
                _ => await mediator.Send(ReminderCommand(Payload<ReminderPayload>(message)), cancellationToken) == ReminderOutcome.Sent,
            };
            message.Complete(done ? OutboxMessageStatus.Processed : OutboxMessageStatus.Cancelled, Now);
        }
#pragma warning disable CA1031 // Any failure of the sender (SMTP down, a refused address) is retried with back-off, then recorded as failed.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var retry = options.RetrySchedule.After(message.FailuresInARow + 1);
            ReminderFailed(logger, message.Id, message.Type, message.ResourceId, retry is null, exception.GetType().Name);
            message.RecordFailure($"{exception.GetType().Name}: {exception.Message}", Now, retry);
        }
    }

    /// <summary>
    /// Offers freed time to the waitlist; processed whether or not anyone was waiting for it. In a scope of its own: each
    /// offer is saved (or refused) on its own and the tracker cleared after it, which must not take this row with it.
    /// </summary>
    private async Task<bool> OfferFreedTimeAsync(DiaryTimeFreedPayload freed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OfferFreedTimeCommand(freed.ClinicianId, freed.FromUtc, freed.ToUtc), cancellationToken);
        return true;
    }

    private async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var lease = RowLease.New(options.LeaseDuration);
        IReadOnlyList<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var now = Now;
            claimed = await lease.ClaimAsync(
                db, db.WebhookDeliveries, d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAtUtc <= now, d => d.NextAttemptAtUtc,
                options.DeliveryBatchSize, now, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            await ReleasingOnStopAsync(lease, db => db.WebhookDeliveries, () => Parallel.ForEachAsync(
                claimed, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelDeliveries, CancellationToken = cancellationToken },
                async (id, token) =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await DeliverOneAsync(scope.ServiceProvider, id, lease.Owner, token);
                }));
        }

        return claimed.Count;
    }

    private async Task DeliverOneAsync(IServiceProvider services, Guid id, string lease, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == id && d.LeaseOwner == lease, cancellationToken);
        if (delivery is null)
        {
            return;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is null || subscription.IsDeleted)
        {
            delivery.Cancel();
        }
        else
        {
            var outboxEvent = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == delivery.EventId)
                .Select(m => new { m.PayloadJson, m.TraceParent }).SingleAsync(cancellationToken);

            // Its own trace (it runs later, maybe on another instance), linked to the request that raised the event.
            ActivityLink[] origin = ActivityContext.TryParse(outboxEvent.TraceParent, null, out var raisedBy) ? [new ActivityLink(raisedBy)] : [];
            using var activity = ClinicMetrics.Traces.StartActivity("webhook delivery", ActivityKind.Producer, default(ActivityContext), links: origin);
            activity?.SetTag("clinichip.webhook.event_type", delivery.EventType);
            activity?.SetTag("clinichip.webhook.delivery_id", delivery.Id);
            var result = await AttemptAsync(services, subscription, delivery.EventId, outboxEvent.PayloadJson, cancellationToken);
            var delivered = result.StatusCode is >= 200 and < 300;
            activity?.SetTag("http.response.status_code", result.StatusCode);
            activity?.SetStatus(delivered ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            metrics.WebhookAttempted(delivered);
            db.WebhookDeliveryAttempts.Add(delivery.RecordAttempt(Now, result.StatusCode, result.Error, result.Duration, options.RetrySchedule.After));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            LeaseLost(logger, delivery.Id);
        }
    }

    private static async Task<WebhookAttemptResult> AttemptAsync(
        IServiceProvider services, WebhookSubscription subscription, Guid eventId, string body, CancellationToken cancellationToken)
    {
        var target = new Uri(subscription.Url);
        if (await services.GetRequiredService<IWebhookTargetPolicy>().RefusalAsync(target, cancellationToken) is { } refusal)
        {
            return new WebhookAttemptResult(null, refusal, TimeSpan.Zero);
        }

        string secret;
        try
        {
            secret = services.GetRequiredService<IWebhookSecretProtector>().Unprotect(subscription.ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new WebhookAttemptResult(null, "The signing secret cannot be decrypted: the data-protection key ring is not the one it was made with.", TimeSpan.Zero);
        }

        return await services.GetRequiredService<WebhookSender>().SendAsync(target, eventId, body, secret, cancellationToken);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "The outbox dispatcher failed; it polls again")]
    private static partial void DispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Due row {OutboxId} ({Type}) for {ResourceId} failed ({Error}); given up: {GivenUp}")]
    private static partial void ReminderFailed(ILogger logger, Guid outboxId, string type, Guid resourceId, bool givenUp, string error);

    private static T Payload<T>(OutboxMessage message) => JsonSerializer.Deserialize<T>(message.PayloadJson, OutboxEvents.Json)
        ?? throw new InvalidOperationException($"Outbox row {message.Id} has no {typeof(T).Name}.");

    private static SendAppointmentReminderCommand ReminderCommand(ReminderPayload reminder) =>
        new(reminder.AppointmentId, reminder.StartUtc, reminder.LeadTime);

    private static SendRegistrationAttemptNoticeCommand NoticeCommand(RegistrationAttemptPayload notice) => new(notice.UserId, notice.AttemptedAtUtc);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} was taken over by another dispatcher; its outcome here is dropped")]
    private static partial void LeaseLost(ILogger logger, Guid deliveryId);
}
