using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicHip.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps created / modified time (UTC, from <see cref="TimeProvider"/>) and user on every
/// <see cref="AuditableEntity"/> as it is saved. The user is null for an anonymous request (registration)
/// and for work the system does at start-up; an integration client is stamped as <c>client:</c> and its id.
/// A record in a change feed (<see cref="IChangeFeedEntity"/>) also gets its change time on creation and on every change.
/// </summary>
public sealed class AuditableEntityInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData?.Context);
        return base.SavingChanges(eventData!, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData?.Context);
        return base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = currentUser.ActorName();
        foreach (var entry in context.ChangeTracker.Entries<AuditableEntity>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Property(e => e.CreatedAtUtc).CurrentValue = now;
                entry.Property(e => e.CreatedBy).CurrentValue = actor;
                if (entry.Entity is not IChangeFeedEntity { ChangedAtUtc: var created } || created == default)
                {
                    StampChange(entry, now);
                }
            }
            else if (entry.State == EntityState.Modified || entry.ComplexProperties.Any(p => p.IsModified))
            {
                entry.Property(e => e.ModifiedAtUtc).CurrentValue = now;
                entry.Property(e => e.ModifiedBy).CurrentValue = actor;
                StampChange(entry, now);
            }
        }
    }

    /// <summary>
    /// Moves a change feed's position of the record (docs/decisions/0031): taken just before the save is sent, or, for a
    /// record created with its change time already set (a booking, whose answer names it), kept as the use case set it.
    /// </summary>
    private static void StampChange(EntityEntry<AuditableEntity> entry, DateTime now)
    {
        if (entry.Entity is IChangeFeedEntity)
        {
            entry.Property(nameof(IChangeFeedEntity.ChangedAtUtc)).CurrentValue = now;
        }
    }
}
