using System.Diagnostics;
using System.Globalization;

namespace ClinicHip.Api.Infrastructure;

/// <summary>
/// Where start-up spends its time, as one log line when the host has started: the runtime before <c>Main</c>, then each
/// phase <c>Program</c> marks. Start-up to ready is a target (docs/decisions/0037); a slower start shows which phase grew.
/// </summary>
internal sealed partial class StartupTimings
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private string phases = "";
    private readonly TimeSpan beforeMain;
    private TimeSpan lastMark;

    private StartupTimings(TimeSpan beforeMain) => this.beforeMain = beforeMain;

    public static StartupTimings Start()
    {
        using var process = Process.GetCurrentProcess();
        return new StartupTimings(DateTime.Now - process.StartTime);
    }

    /// <summary>Ends the phase that began at the previous mark (or at <c>Main</c>).</summary>
    public void Mark(string phase)
    {
        var now = clock.Elapsed;
        phases += string.Create(CultureInfo.InvariantCulture, $"{(phases.Length > 0 ? ", " : "")}{phase} {(now - lastMark).TotalMilliseconds:F0}");
        lastMark = now;
    }

    public void Report(ILogger logger)
    {
        Mark("host start");
        Ready(logger, (beforeMain + clock.Elapsed).TotalMilliseconds, beforeMain.TotalMilliseconds, phases);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready {ReadyMs:F0} ms after the process started: runtime {RuntimeMs:F0} ms, then {Phases} (ms)")]
    private static partial void Ready(ILogger logger, double readyMs, double runtimeMs, string phases);
}
