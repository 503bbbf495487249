using System.Linq.Expressions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ClinicHip.Infrastructure.BackgroundWork;

/// <summary>
/// One claim's hold on rows of background work (<see cref="ILeasedRow"/>): its owner name goes into the rows'
/// <c>LeaseOwner</c>, and they are this claim's alone until <c>LeasedUntilUtc</c>, when any instance may claim them again.
/// Every change is a single UPDATE conditioned on the lease, so two instances racing for a row both run it and only one
/// matches. Each runs in <see cref="IApplicationDbContext.InTransactionAsync{T}"/>, so it queues with this process's
/// other writers.
/// </summary>
public sealed class RowLease
{
    /// <summary>The lease columns' width: an owner is at most 64 + 1 + 32 characters.</summary>
    public const int OwnerMaxLength = 128;

    private RowLease(string owner, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, nameof(duration));
        Owner = owner;
        Duration = duration;
    }

    /// <summary>This process's name in the lease columns: machine and process id, at most 64 characters.</summary>
    public static string InstanceName { get; } = Shorten($"{Environment.MachineName}:{Environment.ProcessId}");

    public string Owner { get; }

    public TimeSpan Duration { get; }

    /// <summary>A lease of this process's own, distinct from every other claim's (its own or another instance's).</summary>
    public static RowLease New(TimeSpan duration) => new($"{InstanceName}/{Guid.NewGuid():N}", duration);

    /// <summary>
    /// Claims up to <paramref name="count"/> rows that <paramref name="claimable"/> takes and no live lease holds (an
    /// expired lease frees a row), first by <paramref name="order"/>; <paramref name="alsoSet"/> changes more columns in
    /// the same UPDATE. Returns the ids this lease now holds, in that order.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimAsync<TRow, TOrder>(
        IApplicationDbContext db, DbSet<TRow> rows, Expression<Func<TRow, bool>> claimable, Expression<Func<TRow, TOrder>> order, int count,
        DateTime nowUtc, CancellationToken cancellationToken, Action<UpdateSettersBuilder<TRow>>? alsoSet = null)
        where TRow : class, ILeasedRow
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = await rows.AsNoTracking().Where(claimable).Where(r => r.LeasedUntilUtc == null || r.LeasedUntilUtc < nowUtc)
            .OrderBy(order).Select(r => r.Id).Take(count).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var (owner, leasedUntil) = (Owner, nowUtc + Duration);
        await db.InTransactionAsync(token => rows.Where(claimable)
            .Where(r => candidates.Contains(r.Id) && (r.LeasedUntilUtc == null || r.LeasedUntilUtc < nowUtc))
            .ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeasedUntilUtc, leasedUntil);
                    alsoSet?.Invoke(s);
                },
                token), cancellationToken);
        return await rows.AsNoTracking().Where(r => r.LeaseOwner == owner).OrderBy(order).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Holds row <paramref name="id"/> for another <see cref="Duration"/> from <paramref name="nowUtc"/>, while this lease
    /// still holds it and <paramref name="stillWanted"/> (if given) takes it; <paramref name="alsoSet"/> records more (such
    /// as progress) in the same UPDATE. False when the lease was lost (taken over after expiry) or the row is no longer
    /// wanted: the caller stops its work on the row.
    /// </summary>
    public async Task<bool> RenewAsync<TRow>(
        IApplicationDbContext db, DbSet<TRow> rows, Guid id, DateTime nowUtc, CancellationToken cancellationToken,
        Expression<Func<TRow, bool>>? stillWanted = null, Action<UpdateSettersBuilder<TRow>>? alsoSet = null)
        where TRow : class, ILeasedRow
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var (owner, leasedUntil) = (Owner, nowUtc + Duration);
        var held = rows.Where(r => r.Id == id && r.LeaseOwner == owner);
        return await db.InTransactionAsync(token => (stillWanted is null ? held : held.Where(stillWanted)).ExecuteUpdateAsync(
            s =>
            {
                s.SetProperty(r => r.LeasedUntilUtc, leasedUntil);
                alsoSet?.Invoke(s);
            },
            token), cancellationToken) == 1;
    }

    /// <summary>
    /// Frees the rows this lease still holds, so any instance may claim them at once rather than when the lease expires
    /// (a worker stopping with work unfinished). Returns how many it freed.
    /// </summary>
    public Task<int> ReleaseAsync<TRow>(IApplicationDbContext db, DbSet<TRow> rows, CancellationToken cancellationToken)
        where TRow : class, ILeasedRow
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var owner = Owner;
        return db.InTransactionAsync(token => rows.Where(r => r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeasedUntilUtc, (DateTime?)null), token), cancellationToken);
    }

    private static string Shorten(string name) => name.Length > 64 ? name[^64..] : name;
}
