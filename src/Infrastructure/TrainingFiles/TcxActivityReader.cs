using System.Globalization;
using System.Xml;
using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>
/// Garmin's Training Center XML (TCX v2), read forward only: each <c>Activity</c> is one, its sport from the
/// <c>Sport</c> attribute, its distance and timer time summed from its laps' totals, its ascent from the track points'
/// altitudes (<see cref="TrackSummary"/>). A lap without totals falls back to its track points.
/// </summary>
internal static class TcxActivityReader
{
    public static IReadOnlyList<RecordedActivity> Read(Stream stream)
    {
        using var xml = SafeXml.Open(stream);
        var activities = new List<RecordedActivity>();
        while (xml.Read())
        {
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "Activity" })
            {
                var sport = (xml.GetAttribute("Sport") ?? "other").Trim().ToLowerInvariant();
                using var subtree = xml.ReadSubtree();
                if (ReadActivity(subtree, sport) is { } activity)
                {
                    activities.Add(activity);
                }
            }
        }

        return activities;
    }

    private static RecordedActivity? ReadActivity(XmlReader xml, string sport)
    {
        DateTime? id = null;
        DateTime? firstLap = null;
        double? lapMeters = null;
        double? lapSeconds = null;
        var points = new TrackSummary();
        var point = new TrackPoint();
        var inPoint = false;
        var positioned = false;

        // Reading an element's content moves the reader to the next node already: only read on when nothing did.
        while (positioned || xml.Read())
        {
            positioned = false;
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "Trackpoint")
            {
                point.AddTo(points);
                (point, inPoint) = (new TrackPoint(), false);
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            positioned = true;
            switch (xml.LocalName)
            {
                case "Id":
                    id = Time(xml.ReadElementContentAsString());
                    break;
                case "Lap":
                    firstLap ??= Time(xml.GetAttribute("StartTime"));
                    positioned = false;
                    break;
                case "TotalTimeSeconds":
                    lapSeconds = (lapSeconds ?? 0) + Number(xml.ReadElementContentAsString());
                    break;
                case "DistanceMeters" when inPoint:
                    point.Distance = Number(xml.ReadElementContentAsString());
                    break;
                case "DistanceMeters":
                    lapMeters = (lapMeters ?? 0) + Number(xml.ReadElementContentAsString());
                    break;
                case "Track":
                    points.Break();
                    positioned = false;
                    break;
                case "Trackpoint":
                    inPoint = !xml.IsEmptyElement;
                    positioned = false;
                    break;
                case "Time" when inPoint:
                    point.Time = Time(xml.ReadElementContentAsString());
                    break;
                case "LatitudeDegrees" when inPoint:
                    point.Latitude = Number(xml.ReadElementContentAsString());
                    break;
                case "LongitudeDegrees" when inPoint:
                    point.Longitude = Number(xml.ReadElementContentAsString());
                    break;
                case "AltitudeMeters" when inPoint:
                    point.Altitude = Number(xml.ReadElementContentAsString());
                    break;
                default:
                    positioned = false;
                    break;
            }
        }

        var start = id ?? firstLap ?? points.Start;
        return start is { } began
            ? new RecordedActivity(sport, began, lapMeters ?? points.DistanceMeters, lapSeconds ?? points.MovingSeconds, points.AscentMeters, TrainingFileFormat.Tcx)
            : null;
    }

    /// <summary>The parts of one track point, gathered until its end tag.</summary>
    private sealed class TrackPoint
    {
        public DateTime? Time { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public double? Altitude { get; set; }

        public double? Distance { get; set; }

        public void AddTo(TrackSummary summary)
        {
            if (Latitude is { } lat && Longitude is { } lon)
            {
                summary.AddPosition(Time, lat, lon, Altitude);
            }
            else
            {
                summary.AddDistance(Time, Distance, Altitude);
            }
        }
    }

    private static DateTime? Time(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw new FormatException($"'{text}' is not a time.");

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= -1e7 && value <= 1e9
            ? value
            : throw new FormatException($"'{text}' is not a number.");
}
