using System.Data.Common;
using ClinicHip.Infrastructure.Persistence.PostgreSql;
using ClinicHip.Infrastructure.Persistence.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Faults in the API's own database work, armed for the next unit of work a predicate picks out by what its context
/// tracks (so the outbox dispatcher and the audit writer, which share the database, pass untouched). Each fault fires
/// once: if the API wrongly ran the work again, the second attempt would succeed and the test would see it.
/// </summary>
public sealed class DatabaseFaults(string connectionString) : DbTransactionInterceptor, IDbCommandInterceptor
{
    private Func<DbContext, bool>? dropBeforeCommit;
    private (Func<DbContext, bool> Matches, string Table)? refuseInsert;
    private Func<DbContext, bool>? counted;
    private int attempts;

    /// <summary>How often the armed work reached the point the fault aims at (its commit, or its insert).</summary>
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>
    /// Just before the work commits, the server ends its connection (<c>pg_terminate_backend</c>, waiting until it is
    /// gone): a real transient fault, the one a failover or a restarted server causes. The transaction never commits.
    /// </summary>
    public void DropConnectionBeforeNextCommit(Func<DbContext, bool> of)
    {
        Reset(of);
        dropBeforeCommit = of;
    }

    /// <summary>The work's insert into <paramref name="table"/> becomes a read of a table that does not exist: a real server error no retry mends.</summary>
    public void RefuseNextInsert(Func<DbContext, bool> of, string table)
    {
        Reset(of);
        refuseInsert = (of, table);
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && counted is { } watched && watched(context))
        {
            Interlocked.Increment(ref attempts);
            if (Interlocked.Exchange(ref dropBeforeCommit, null) is not null)
            {
                await TerminateAsync(((NpgsqlConnection)transaction.Connection!).ProcessID);
            }
        }

        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        if (refuseInsert is { } fault && eventData.Context is { } context && fault.Matches(context)
            && command.CommandText.Contains($"INSERT INTO \"{fault.Table}\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref attempts);
            refuseInsert = null;
            command.Parameters.Clear();
            command.CommandText = "SELECT * FROM \"NoSuchTableInThisTest\"";
        }

        return ValueTask.FromResult(result);
    }

    private void Reset(Func<DbContext, bool> of)
    {
        Volatile.Write(ref attempts, 0);
        counted = of;
    }

    private async Task TerminateAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 10000)", connection);
        command.Parameters.AddWithValue("pid", processId);
        (await command.ExecuteScalarAsync() as bool?).ShouldBe(true, "the API's connection was ended");
    }
}

/// <summary>The API with <see cref="DatabaseFaults"/> on its database context, whichever provider the suite runs on.</summary>
public sealed class FaultInjectingApiFactory : ClinicApiFactory
{
    public FaultInjectingApiFactory() => Faults = new DatabaseFaults(Database.ConnectionString);

    public DatabaseFaults Faults { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The pooled context's options are built once, from every configuration registered for its type.
        builder.ConfigureTestServices(services => services
            .ConfigureDbContext<PostgreSqlApplicationDbContext>(options => options.AddInterceptors(Faults), ServiceLifetime.Singleton)
            .ConfigureDbContext<SqliteApplicationDbContext>(options => options.AddInterceptors(Faults), ServiceLifetime.Singleton));
    }
}
