using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A database of a test's own, deleted afterwards: a SQLite file by default, or a new database on the PostgreSQL server
/// named by <c>CLINICHIP_TEST_POSTGRES</c> (a superuser connection string; tools/postgres/with-postgres.sh starts one),
/// so the same tests run on either provider.
/// </summary>
public sealed class TemporaryDatabase : IDisposable
{
    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("CLINICHIP_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    private readonly string name = $"clinichip_tests_{Guid.NewGuid():N}";

    public TemporaryDatabase()
    {
        if (OnPostgreSql)
        {
            RunOnServer($"CREATE DATABASE \"{name}\"");
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={SqlitePath}";
        }
    }

    /// <summary>Whether the suite runs on PostgreSQL rather than SQLite.</summary>
    public static bool OnPostgreSql => PostgresServer is not null;

    /// <summary>The <c>Database:Provider</c> setting.</summary>
    public static string Provider => OnPostgreSql ? "PostgreSql" : "Sqlite";

    public string ConnectionString { get; }

    private string SqlitePath => Path.Combine(Path.GetTempPath(), $"{name}.db");

    /// <summary>What an API process on this database needs: the database, signing keys, the bootstrap Admin, lifted rate limits.</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
        ["Jwt:SigningKey"] = ClinicApiFactory.NewKeyPem(),
        ["Telehealth:SigningKey"] = ClinicApiFactory.NewKeyPem(),
        ["Bootstrap:AdminEmail"] = ClinicApiFactory.AdminEmail,
        ["Bootstrap:AdminPassword"] = ClinicApiFactory.AdminPassword,
        ["RateLimits:AuthPermitLimit"] = "100000",
        ["RateLimits:WritePermitLimit"] = "100000",
    };

    /// <summary>A connection of the test's own, outside the API. SQL sent on it quotes identifiers ("Appointments"), which both providers read.</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = OnPostgreSql ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (OnPostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            RunOnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(SqlitePath + suffix);
        }
    }

    private static void RunOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Reads of a test's own on a <see cref="DbConnection"/>.</summary>
public static class DbConnectionReads
{
    public static async Task<string> ScalarAsync(this DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public static async Task<List<string>> RowsAsync(this DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    public static async Task ExecuteAsync(this DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
