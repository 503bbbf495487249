using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>A SQLite database file of a test's own, deleted with its WAL files afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clinichip-tests-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    /// <summary>What an API process on this database needs: the database, a signing key, the bootstrap Admin, lifted rate limits.</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Database:ConnectionString"] = ConnectionString,
        ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["Bootstrap:AdminEmail"] = ClinicApiFactory.AdminEmail,
        ["Bootstrap:AdminPassword"] = ClinicApiFactory.AdminPassword,
        ["RateLimits:AuthPermitLimit"] = "100000",
        ["RateLimits:WritePermitLimit"] = "100000",
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
