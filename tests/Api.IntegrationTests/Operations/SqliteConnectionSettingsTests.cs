using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// The per-connection settings are sent once per native connection: they must still hold on every later open of it. A
/// writer's turn commits without syncing and syncs the log as a group (docs/decisions/0038): only inside the turn, so
/// the connection goes back to the pool syncing every commit.
/// </summary>
public class SqliteConnectionSettingsTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static async Task<long?> PragmaAsync(ApplicationDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task EveryOpen_OfAPooledConnection_HasTheDurabilityAndBusyTimeout()
    {
        Assert.SkipWhen(TemporaryDatabase.OnPostgreSql, "SQLite's per-connection settings.");
        for (var open = 0; open < 3; open++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

            await db.Database.OpenConnectionAsync();
            try
            {
                (await PragmaAsync(db, "synchronous")).ShouldBe(2L); // FULL
                (await PragmaAsync(db, "busy_timeout")).ShouldBe(10000L);
                (await PragmaAsync(db, "temp_store")).ShouldBe(2L); // MEMORY
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [Fact]
    public async Task InTransaction_InWriteAheadLogMode_CommitsUnsyncedAndLeavesTheConnectionSyncingEveryCommit()
    {
        Assert.SkipWhen(TemporaryDatabase.OnPostgreSql, "SQLite's per-connection settings.");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        var inTurn = await db.InTransactionAsync(_ => PragmaAsync(db, "synchronous"), TestContext.Current.CancellationToken);

        inTurn.ShouldBe(1L); // NORMAL: the turn's commit is synced with the group after the turn
        await db.Database.OpenConnectionAsync();
        try
        {
            (await PragmaAsync(db, "synchronous")).ShouldBe(2L); // FULL again for writes outside a turn
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task SaveChanges_WithAChange_LeavesThePooledConnectionSyncingEveryCommit()
    {
        Assert.SkipWhen(TemporaryDatabase.OnPostgreSql, "SQLite's per-connection settings.");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var settings = await db.ClinicSettings.SingleAsync(TestContext.Current.CancellationToken);
        settings.ChangeOnlineBookingNoShowLimit(3);

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await db.Database.OpenConnectionAsync();
        try
        {
            (await PragmaAsync(db, "synchronous")).ShouldBe(2L);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
