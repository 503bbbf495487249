using System.Net;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// A newcomer's first start: the settings as shipped, the Development environment, an empty data folder (database, keys
/// and export files created there), the demo clinic seeded. Nothing on the way is worth a Warning.
/// </summary>
public sealed class FreshStartTests
{
    /// <summary>
    /// The API as <c>dotnet run</c> starts it, on Kestrel (the in-memory test server warns of limits it cannot apply),
    /// with a temporary folder as its content root.
    /// </summary>
    private sealed class FreshStartFactory : WebApplicationFactory<Program>
    {
        public FreshStartFactory() => UseKestrel(0);

        public string ContentRoot { get; } = Directory.CreateTempSubdirectory("clinichip-fresh-start-").FullName;

        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The API's own appsettings*.json, copied to the test's output with the API's build.
            foreach (var settings in Directory.EnumerateFiles(AppContext.BaseDirectory, "appsettings*.json"))
            {
                File.Copy(settings, Path.Combine(ContentRoot, Path.GetFileName(settings)), overwrite: true);
            }

            builder.UseEnvironment("Development");
            builder.UseContentRoot(ContentRoot);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(ContentRoot))
            {
                Directory.Delete(ContentRoot, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Start_FromAnEmptyDataFolder_LogsNothingAtWarningOrAbove()
    {
        using var factory = new FreshStartFactory();
        var client = factory.CreateClient();

        // What a newcomer does first: the Swagger UI's document, a demo login, the patient's own appointments.
        (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = await client.SignInAsync("jordan.lee@clinichip.example", "Demo-Passw0rd!");
        (await client.WithBearer(tokens.AccessToken).GetAsync("/api/appointments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The outbox dispatcher and the export worker run their first rounds at start and then every second or two.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        File.Exists(Path.Combine(factory.ContentRoot, "data", "clinichip.db")).ShouldBeTrue("the database is created in the empty data folder");
        factory.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}[{e.EventId.Id}]: {e.Message}")
            .ShouldBeEmpty();
    }
}
