using System.Diagnostics;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>The container HEALTHCHECK: <c>dotnet ClinicHip.Api.dll --health</c> exits 0 while the API is ready, 1 once it is gone.</summary>
public sealed class HealthProbeTests : IAsyncDisposable
{
    private readonly TemporaryDatabase database = new();

    [Fact]
    public async Task Health_WhileTheApiIsReady_Exits0_AndOnceItIsGone_Exits1()
    {
        var api = await ApiProcess.StartAsync(database.ApiSettings());
        var port = api.BaseAddress.Port;

        (await ProbeAsync(port)).ShouldBe(0);
        await api.DisposeAsync();
        (await ProbeAsync(port)).ShouldBe(1);
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<int> ProbeAsync(int port)
    {
        var apiDll = ApiProcess.LocateApiAssembly();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(apiDll)!, UseShellExecute = false };
        start.ArgumentList.Add(apiDll);
        start.ArgumentList.Add("--health");
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var probe = Process.Start(start)!;
        await probe.WaitForExitAsync(TestContext.Current.CancellationToken);
        return probe.ExitCode;
    }
}
