using System.Data.Common;
using System.Runtime.CompilerServices;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicHip.Infrastructure.Availability;

/// <summary>
/// Keeps availability's <see cref="DiaryOccupancy"/> current with this instance's saves (docs/decisions/0034): before a
/// save it notes the clinician-days whose taken time the save changes, before and after (an appointment's time with its
/// buffer, a time off's), and whether it changes the clinic's shape; once the save is written, the occupancy forgets
/// exactly those, and on PostgreSQL every other instance is told (<see cref="PostgreSqlDiaryListener"/>). A save inside
/// an explicit transaction is forgotten again when the transaction commits, as a read between the save and the commit
/// could still load the old diary. One instance serves every (pooled) context, so what a save noted is kept per context.
/// </summary>
internal sealed class DiaryOccupancyInterceptor(DiaryOccupancy occupancy, bool announceToOtherInstances) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The clinic's shape availability is laid on (see <see cref="ClinicShape"/>).</summary>
    private static readonly HashSet<Type> ClinicShapeTypes =
        [typeof(Clinician), typeof(WorkingInterval), typeof(AppointmentType), typeof(InPersonLocation), typeof(Location), typeof(ClinicSettings)];

    private readonly ConditionalWeakTable<DbContext, Noted> contexts = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData?.Context);
        return base.SavingChanges(eventData!, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData?.Context);
        return base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Forget(eventData?.Context) is { } change && announceToOtherInstances)
        {
            PostgreSqlDiaryListener.Announce(eventData!.Context!, change);
        }

        return base.SavedChanges(eventData!, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Forget(eventData?.Context) is { } change && announceToOtherInstances)
        {
            await PostgreSqlDiaryListener.AnnounceAsync(eventData!.Context!, change, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData?.Context);
        return Task.CompletedTask;
    }

    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        StartTransaction(eventData?.Context);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        StartTransaction(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData?.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData?.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => StartTransaction(eventData?.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        StartTransaction(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>Notes what the save about to run changes of the diary, from the tracker's values before and after.</summary>
    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var change = new DiaryChange();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var end = entry.Entity switch
            {
                Appointment => nameof(Appointment.ClinicianFreeAtUtc),
                TimeOff => nameof(TimeOff.EndUtc),
                _ => null,
            };
            if (end is null)
            {
                change.Clinic |= ClinicShapeTypes.Contains(entry.Metadata.ClrType);
                continue;
            }

            if (entry.State != EntityState.Added)
            {
                var before = entry.OriginalValues;
                change.Touch(before.GetValue<ClinicianId>(nameof(Appointment.ClinicianId)), before.GetValue<DateTime>(nameof(Appointment.StartUtc)), before.GetValue<DateTime>(end));
            }

            if (entry.State != EntityState.Deleted)
            {
                var after = entry.CurrentValues;
                change.Touch(after.GetValue<ClinicianId>(nameof(Appointment.ClinicianId)), after.GetValue<DateTime>(nameof(Appointment.StartUtc)), after.GetValue<DateTime>(end));
            }
        }

        contexts.GetOrCreateValue(context).Saving = change.IsEmpty ? null : change;
    }

    /// <summary>Has the occupancy forget what the save just written changed; returns it, or null when it changed nothing of the diary.</summary>
    private DiaryChange? Forget(DbContext? context)
    {
        if (context is null || !contexts.TryGetValue(context, out var noted) || noted.Saving is not { } change)
        {
            return null;
        }

        noted.Saving = null;
        occupancy.Apply(change);
        if (context.Database.CurrentTransaction is not null)
        {
            noted.InTransaction.Add(change);
        }

        return change;
    }

    private void Drop(DbContext? context)
    {
        if (context is not null && contexts.TryGetValue(context, out var noted))
        {
            noted.Saving = null;
        }
    }

    private void StartTransaction(DbContext? context)
    {
        if (context is not null && contexts.TryGetValue(context, out var noted))
        {
            noted.InTransaction.Clear();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && contexts.TryGetValue(context, out var noted) && !noted.InTransaction.IsEmpty)
        {
            occupancy.Apply(noted.InTransaction);
            noted.InTransaction.Clear();
        }
    }

    /// <summary>What one context's save is about to change, and what its current transaction's saves changed.</summary>
    private sealed class Noted
    {
        public DiaryChange? Saving { get; set; }

        public DiaryChange InTransaction { get; } = new();
    }
}
