using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real API in-process, on its own database (a SQLite file, or a PostgreSQL database: see
/// <see cref="TemporaryDatabase"/>), migrated at start-up like production, with random access-token and telehealth
/// keys and a bootstrap Admin. One per test class.
/// </summary>
public class ClinicApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.clinichip.example";
    public const string AdminPassword = "Admin-Passw0rd-For-Tests";

    /// <summary>Where the tests' API says it is reached from (PublicAddress:BaseUrl).</summary>
    public const string PublicBaseUrl = "https://api.clinic.test";

    private readonly TemporaryDatabase database = new();

    /// <summary>The access-token key (Jwt:SigningKey), private half included, as an operator holds it.</summary>
    public ECDsa AccessTokenKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The telehealth key (Telehealth:SigningKey), as the video service would know it if it were handed the private half.</summary>
    public ECDsa TelehealthKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A fresh ECDSA P-256 private key in PEM, as the Jwt and Telehealth settings take it.</summary>
    public static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>The test database, for tests that look at or lock it from outside the API.</summary>
    public TemporaryDatabase Database => database;

    /// <summary>Where this API writes bulk export files (FhirExport:Directory).</summary>
    public string ExportDirectory { get; } = Path.Combine(Path.GetTempPath(), $"clinichip-export-{Guid.NewGuid():N}");

    /// <summary>Settings a test class changes before the host starts.</summary>
    protected Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TemporaryDatabase.Provider);
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Jwt:SigningKey", AccessTokenKey.ExportPkcs8PrivateKeyPem());
        builder.UseSetting("Telehealth:SigningKey", TelehealthKey.ExportPkcs8PrivateKeyPem());
        builder.UseSetting("PublicAddress:BaseUrl", PublicBaseUrl);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:ClinicHip.AccessLog", "Warning");

        // Tests sign many users in from one (unknown) address; RateLimitTests sets real limits.
        builder.UseSetting("RateLimits:AuthPermitLimit", "100000");
        builder.UseSetting("RateLimits:WritePermitLimit", "100000");

        // Webhook receivers in tests listen on http://127.0.0.1; WebhookTargetTests turns both off.
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Webhooks:AllowHttpTargets", "true");

        // Bulk export files of this factory's API only, removed with it; the worker looks often so tests wait little.
        builder.UseSetting("FhirExport:Directory", ExportDirectory);
        builder.UseSetting("FhirExport:PollInterval", "00:00:00.200");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
        if (Directory.Exists(ExportDirectory))
        {
            Directory.Delete(ExportDirectory, recursive: true);
        }

        AccessTokenKey.Dispose();
        TelehealthKey.Dispose();
    }
}
