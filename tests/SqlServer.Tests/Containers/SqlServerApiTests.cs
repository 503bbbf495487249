using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.SqlServer.Tests.Containers;

/// <summary>The API on a real SQL Server: migrations apply at start-up and a patient can register and sign in.</summary>
public class SqlServerApiTests(SqlServerContainerFixture database) : IClassFixture<SqlServerContainerFixture>
{
    private WebApplicationFactory<Program> StartApi() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "SqlServer");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Jwt:SigningKey", ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem());
        builder.UseSetting("Telehealth:SigningKey", ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem());
    });

    [Fact]
    public async Task Start_OnEmptySqlServer_AppliesEveryMigration()
    {
        Assert.SkipUnless(DockerEngine.IsAvailable, DockerEngine.Unavailable);
        await using var api = StartApi();
        api.CreateClient();

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RegisterThenSignIn_OnSqlServer_Works()
    {
        Assert.SkipUnless(DockerEngine.IsAvailable, DockerEngine.Unavailable);
        await using var api = StartApi();
        var client = api.CreateClient();
        var email = $"sql-{Guid.NewGuid():N}@example.com";

        var register = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email, password = "runner-hip-pain-2026", givenName = "Jordan", familyName = "Lee", dateOfBirth = "1991-03-14", phone = "+61 400 000 123",
        }, TestContext.Current.CancellationToken);
        register.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var token = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "runner-hip-pain-2026" }, TestContext.Current.CancellationToken);
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"].ShouldNotBeNull();
    }
}
