using ClinicHip.Domain.RunningLoad;
using NetTopologySuite.IO;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>
/// GPX 1.1 with NetTopologySuite.IO.GPX, visited track by track: each track with timed points is one activity. GPX names
/// the sport only in the track's optional <c>type</c>; a track without one is taken as a run (docs/decisions/0061).
/// </summary>
internal static class GpxActivityReader
{
    private static readonly GpxReaderSettings Settings = new() { IgnoreUnexpectedChildrenOfTopLevelElement = true, IgnoreVersionAttribute = true };

    public static IReadOnlyList<RecordedActivity> Read(Stream stream)
    {
        using var xml = SafeXml.Open(stream);
        var visitor = new TrackVisitor();
        GpxReader.Read(xml, Settings, visitor);
        return visitor.Activities;
    }

    /// <summary>Garmin Connect writes the sport's name; Strava its activity-type number (1 ride, 9 run, 10 walk).</summary>
    private static string SportOf(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        null or "" or "9" => "running",
        "1" => "cycling",
        "10" => "walking",
        { } named => named,
    };

    private sealed class TrackVisitor : GpxVisitorBase
    {
        public List<RecordedActivity> Activities { get; } = [];

        public override void VisitTrack(GpxTrack track)
        {
            var summary = new TrackSummary();
            foreach (var segment in track.Segments)
            {
                summary.Break();
                foreach (var point in segment.Waypoints)
                {
                    summary.AddPosition(point.TimestampUtc, point.Latitude.Value, point.Longitude.Value, point.ElevationInMeters);
                }
            }

            if (summary.Start is { } start)
            {
                var sport = SportOf(track.Classification);
                Activities.Add(new RecordedActivity(sport, start, summary.DistanceMeters, summary.MovingSeconds, summary.AscentMeters, TrainingFileFormat.Gpx));
            }
        }
    }
}
