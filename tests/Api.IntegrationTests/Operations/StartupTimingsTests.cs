using System.Net;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>Start-up says, once, how long it took to be ready and where the time went (docs/decisions/0037).</summary>
public class StartupTimingsTests
{
    [Fact]
    public async Task Start_WhenReady_LogsOneLineWithTheReadyTimeAndEachPhase()
    {
        await using var factory = new LogCapturingApiFactory();

        (await factory.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = factory.Logs.Entries.Where(e => e.Message.StartsWith("Ready ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        ready.Level.ShouldBe(LogLevel.Information);
        ready.Message.ShouldMatch(
            @"^Ready \d+ ms after the process started: runtime \d+ ms, then services \d+, build \d+, database \d+, mapping \d+, host start \d+ \(ms\)$");
    }
}
