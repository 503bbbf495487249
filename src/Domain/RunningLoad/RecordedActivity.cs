namespace ClinicHip.Domain.RunningLoad;

/// <summary>The file format an activity was read from.</summary>
public enum TrainingFileFormat
{
    Gpx,
    Tcx,
    Fit,
}

/// <summary>
/// One activity as a watch or phone recorded it, read from a training file: what the running load needs and nothing more
/// (no track points, no heart rate).
/// </summary>
/// <param name="Sport">The sport in the file's own words, lower case (<c>running</c>, <c>cycling</c>, ...).</param>
/// <param name="StartUtc">When the activity started.</param>
/// <param name="DistanceMeters">Distance covered.</param>
/// <param name="MovingSeconds">Time in motion (timer time where the device records it; pauses left out).</param>
/// <param name="ElevationGainMeters">Total ascent, where the file has altitudes.</param>
/// <param name="Format">The file format.</param>
public sealed record RecordedActivity(string Sport, DateTime StartUtc, double DistanceMeters, double MovingSeconds, double? ElevationGainMeters, TrainingFileFormat Format)
{
    /// <summary>Running in any of its forms (road, trail, treadmill, track), as the files name it.</summary>
    public bool IsRunning => Sport is "running" or "run" or "trail_running" or "treadmill_running" or "track_running" or "virtual_running";

    public double AverageSpeedKmh => MovingSeconds > 0 ? DistanceMeters / MovingSeconds * 3.6 : 0;
}
