using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Application.RunningLoad;

/// <summary>One activity read from a training file.</summary>
/// <param name="Id">The activity id.</param>
/// <param name="Start">When it started (UTC).</param>
/// <param name="LocalDate">The day it started in the clinic's zone.</param>
/// <param name="WeekStart">Monday of the running-load week it counts towards.</param>
/// <param name="Sport">The sport as the file names it (running, cycling, ...).</param>
/// <param name="CountsAsRunning">Whether it counts towards the running load; other sports are kept, not counted.</param>
/// <param name="DistanceKm">Distance.</param>
/// <param name="MovingSeconds">Time in motion, in seconds (pauses left out).</param>
/// <param name="ElevationGainMeters">Total ascent, where the file had altitudes.</param>
/// <param name="Format">Gpx, Tcx or Fit.</param>
public sealed record TrainingRunDto(
    Guid Id, DateTimeOffset Start, DateOnly LocalDate, DateOnly WeekStart, string Sport, bool CountsAsRunning, decimal DistanceKm, int MovingSeconds,
    int? ElevationGainMeters, TrainingFileFormat Format)
{
    public static TrainingRunDto From(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new TrainingRunDto(
            run.Id, new DateTimeOffset(run.StartUtc, TimeSpan.Zero), run.LocalDate, run.WeekStart, run.Sport, run.IsRunning, run.DistanceKm,
            run.MovingSeconds, run.ElevationGainMeters, run.Format);
    }
}

/// <summary>What an upload added.</summary>
/// <param name="FilesRead">Training files read.</param>
/// <param name="EntriesIgnored">Archive entries that were not training files.</param>
/// <param name="RunsAdded">Runs added to the running load.</param>
/// <param name="OtherSportsAdded">Activities of other sports kept (not counted as running).</param>
/// <param name="DuplicatesSkipped">Activities already held (the same file again, or the same run from another device).</param>
/// <param name="WeeksChanged">The running-load weeks the new runs count towards (Mondays).</param>
public sealed record TrainingUploadDto(int FilesRead, int EntriesIgnored, int RunsAdded, int OtherSportsAdded, int DuplicatesSkipped, IReadOnlyList<DateOnly> WeeksChanged);
