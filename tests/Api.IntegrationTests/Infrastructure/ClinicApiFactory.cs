using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real API in-process, on its own database (a SQLite file, or a PostgreSQL database: see
/// <see cref="TemporaryDatabase"/>), migrated at start-up like production, with a random signing key and a bootstrap
/// Admin. One per test class.
/// </summary>
public class ClinicApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.clinichip.example";
    public const string AdminPassword = "Admin-Passw0rd-For-Tests";

    /// <summary>Where the tests' API says it is reached from (PublicAddress:BaseUrl).</summary>
    public const string PublicBaseUrl = "https://api.clinic.test";

    private readonly TemporaryDatabase database = new();

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>The test database, for tests that look at or lock it from outside the API.</summary>
    public TemporaryDatabase Database => database;

    /// <summary>Settings a test class changes before the host starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TemporaryDatabase.Provider);
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        builder.UseSetting("PublicAddress:BaseUrl", PublicBaseUrl);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Tests sign many users in from one (unknown) address; RateLimitTests sets real limits.
        builder.UseSetting("RateLimits:AuthPermitLimit", "100000");
        builder.UseSetting("RateLimits:WritePermitLimit", "100000");

        // Webhook receivers in tests listen on http://127.0.0.1; WebhookTargetTests turns both off.
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Webhooks:AllowHttpTargets", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
