using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.BackgroundWork;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.BackgroundWork;

/// <summary>
/// The lease every background worker claims rows with, on the real database: outbox rows of a type no worker runs,
/// with this API's dispatcher off, so only the test's own claims touch them.
/// </summary>
public sealed class RowLeaseTests(RowLeaseTests.NoDispatcherFactory factory) : IClassFixture<RowLeaseTests.NoDispatcherFactory>
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Claim_LeaseExpired_AnotherInstanceClaimsTheRowAndTheFirstCannotRenew()
    {
        var type = await AddRowsAsync(1);
        var now = DateTime.UtcNow;
        var (first, second) = (RowLease.New(LeaseDuration), RowLease.New(LeaseDuration));

        var claimed = await ClaimAsync(first, type, now);
        claimed.Count.ShouldBe(1);
        (await ClaimAsync(second, type, now + LeaseDuration - TimeSpan.FromSeconds(1))).ShouldBeEmpty("a live lease holds the row");

        var afterExpiry = now + LeaseDuration + TimeSpan.FromSeconds(1);
        (await ClaimAsync(second, type, afterExpiry)).ShouldBe(claimed);
        (await RenewAsync(first, claimed[0], afterExpiry)).ShouldBeFalse("the row was taken over");
        (await RenewAsync(second, claimed[0], afterExpiry)).ShouldBeTrue();
        (await OwnerAsync(claimed[0])).ShouldBe(second.Owner);
    }

    [Fact]
    public async Task Renew_BeforeExpiry_KeepsTheRowFromOtherInstances()
    {
        var type = await AddRowsAsync(1);
        var now = DateTime.UtcNow;
        var (first, second) = (RowLease.New(LeaseDuration), RowLease.New(LeaseDuration));
        var id = (await ClaimAsync(first, type, now)).Single();

        (await RenewAsync(first, id, now + LeaseDuration - TimeSpan.FromSeconds(1))).ShouldBeTrue();

        (await ClaimAsync(second, type, now + LeaseDuration + TimeSpan.FromSeconds(1))).ShouldBeEmpty("the renewal extended the lease");
    }

    [Fact]
    public async Task Claim_FourInstancesRacing_NeverClaimTheSameRow()
    {
        const int Rows = 60;
        var type = await AddRowsAsync(Rows);
        var now = DateTime.UtcNow;

        // Each instance claims small batches until nothing is left, all at once, each on its own context.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            List<Guid> mine = [];
            while (true)
            {
                var batch = await ClaimAsync(RowLease.New(LeaseDuration), type, now, count: 5);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch);
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        all.Count.ShouldBe(Rows, "every row is claimed exactly once");
        all.Distinct().Count().ShouldBe(Rows);
    }

    [Fact]
    public async Task Release_RowsStillHeld_AnotherInstanceClaimsThemAtOnce()
    {
        var type = await AddRowsAsync(3);
        var now = DateTime.UtcNow;
        var (stopping, other) = (RowLease.New(LeaseDuration), RowLease.New(LeaseDuration));
        var claimed = await ClaimAsync(stopping, type, now);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            (await stopping.ReleaseAsync(db, db.OutboxMessages, CancellationToken.None)).ShouldBe(3);
        }

        (await ClaimAsync(other, type, now)).ShouldBe(claimed);
    }

    [Fact]
    public void New_TwoLeases_HaveDistinctOwnersNamingThisInstance()
    {
        var (first, second) = (RowLease.New(LeaseDuration), RowLease.New(LeaseDuration));

        first.Owner.ShouldNotBe(second.Owner);
        first.Owner.ShouldStartWith($"{RowLease.InstanceName}/");
        first.Owner.Length.ShouldBeLessThanOrEqualTo(RowLease.OwnerMaxLength);
    }

    /// <summary>Pending rows of a type of this test's own, due a minute ago; returns the type.</summary>
    private async Task<string> AddRowsAsync(int count)
    {
        var type = $"test.{Guid.NewGuid():N}";
        var due = DateTime.UtcNow.AddMinutes(-1);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.OutboxMessages.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Kind = OutboxMessageKind.Reminder,
            Type = type,
            PayloadJson = "{}",
            OccurredAtUtc = due,
            DueAtUtc = due.AddMilliseconds(i),
            Status = OutboxMessageStatus.Pending,
        }));
        await db.SaveChangesAsync();
        return type;
    }

    private async Task<IReadOnlyList<Guid>> ClaimAsync(RowLease lease, string type, DateTime now, int count = 10)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await lease.ClaimAsync(
            db, db.OutboxMessages, m => m.Type == type && m.Status == OutboxMessageStatus.Pending && m.DueAtUtc <= now, m => m.DueAtUtc, count, now,
            CancellationToken.None);
    }

    private async Task<bool> RenewAsync(RowLease lease, Guid id, DateTime now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await lease.RenewAsync(db, db.OutboxMessages, id, now, CancellationToken.None, m => m.Status == OutboxMessageStatus.Pending);
    }

    private async Task<string?> OwnerAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.LeaseOwner).SingleAsync();
    }

    /// <summary>The API with no dispatcher: the rows these tests add are touched by their claims alone.</summary>
    public sealed class NoDispatcherFactory : ClinicApiFactory
    {
        public NoDispatcherFactory() => Settings["Outbox:DispatcherEnabled"] = "false";
    }
}
