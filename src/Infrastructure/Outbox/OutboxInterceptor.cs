using System.Runtime.CompilerServices;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>
/// Writes the domain events raised by the aggregates being saved as outbox rows in the same save, so an event exists
/// if and only if its change committed; where an event withdraws an appointment's pending reminders
/// (<see cref="AppointmentReminderPolicy"/>), their rows are cancelled in that save too. After the commit it wakes the
/// local dispatcher and counts what committed (bookings, triage levels). One instance serves every (pooled) context, so
/// what a save staged is remembered per context.
/// </summary>
public sealed class OutboxInterceptor(OutboxOptions options, OutboxSignal signal, ClinicMetrics metrics) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<IDomainEvent>> contextsWithNewWork = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData?.Context is { } context)
        {
            foreach (var appointmentId in Stage(context))
            {
                CancelReminders(PendingReminders(context, appointmentId).ToList());
            }
        }

        return base.SavingChanges(eventData!, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } context)
        {
            foreach (var appointmentId in Stage(context))
            {
                CancelReminders(await PendingReminders(context, appointmentId).ToListAsync(cancellationToken));
            }
        }

        return await base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfWorkWritten(eventData?.Context);
        return base.SavedChanges(eventData!, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfWorkWritten(eventData?.Context);
        return base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Forget(eventData?.Context);
        base.SaveChangesFailed(eventData!);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData?.Context);
        return base.SaveChangesFailedAsync(eventData!, cancellationToken);
    }

    private static IQueryable<OutboxMessage> PendingReminders(DbContext context, Guid appointmentId) =>
        context.Set<OutboxMessage>().Where(m => m.Kind == OutboxMessageKind.Reminder && m.ResourceId == appointmentId && m.Status == OutboxMessageStatus.Pending);

    private static void CancelReminders(List<OutboxMessage> reminders)
    {
        foreach (var reminder in reminders)
        {
            reminder.Status = OutboxMessageStatus.Cancelled;
        }
    }

    /// <summary>Adds the rows for every raised event; returns the appointments whose pending reminders the events withdraw.</summary>
    private List<Guid> Stage(DbContext context)
    {
        var staged = context.ChangeTracker.Entries<AuditableEntity>()
            .SelectMany(entry => entry.Entity.DequeueDomainEvents().Select(domainEvent => (Event: domainEvent, RaisedBy: entry.Entity))).ToList();
        var raised = staged.Select(s => s.Event).ToList();
        var messages = staged.SelectMany(s => OutboxEvents.ToMessages(s.Event, options, s.RaisedBy)).ToList();
        context.Set<OutboxMessage>().AddRange(messages);
        if (messages.Count > 0)
        {
            contextsWithNewWork.AddOrUpdate(context, raised);
        }

        return raised.OfType<AppointmentChanged>().Where(e => e.WithdrawsPendingReminders).Select(e => e.AppointmentId.Value).Distinct().ToList();
    }

    private void WakeIfWorkWritten(DbContext? context)
    {
        if (context is not null && contextsWithNewWork.Remove(context, out var committed))
        {
            signal.Wake();
            metrics.Booked(committed.OfType<AppointmentChanged>().Count(e => e.Change == AppointmentChange.Booked));
            foreach (var submitted in committed.OfType<IntakeFormSubmitted>())
            {
                metrics.Triaged(submitted.Level);
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            contextsWithNewWork.Remove(context);
        }
    }
}
