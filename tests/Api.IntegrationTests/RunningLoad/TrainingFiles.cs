using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace ClinicHip.Api.IntegrationTests.RunningLoad;

/// <summary>One point of a recorded track.</summary>
public sealed record TrackPoint(DateTime TimeUtc, double Latitude, double Longitude, double Elevation);

/// <summary>
/// Small training files made in the test: GPX and TCX as text, FIT by a tiny encoder of its own (header, definition and
/// data messages, and the CRC computed bit by bit as CRC-16/ARC, independently of the reader's nibble table).
/// </summary>
public static class TrainingFiles
{
    /// <summary>About 11.1 m of latitude per 0.0001°: a straight track north from Brisbane's river.</summary>
    public static IReadOnlyList<TrackPoint> Track(DateTime startUtc, double km, TimeSpan duration, double climbMeters = 0, int points = 200)
    {
        var degrees = km / 111.195;
        return [.. Enumerable.Range(0, points).Select(i =>
        {
            var share = i / (double)(points - 1);
            return new TrackPoint(startUtc + duration * share, -27.47 + degrees * share, 153.02, 10 + climbMeters * share);
        })];
    }

    public static byte[] Gpx(IReadOnlyList<TrackPoint> track, string? type = "running", string? prolog = null)
    {
        var text = new StringBuilder();
        text.Append(prolog ?? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        text.Append("<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>Morning run</name>");
        if (type is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"<type>{type}</type>");
        }

        text.Append("<trkseg>");
        foreach (var p in track)
        {
            text.Append(CultureInfo.InvariantCulture, $"<trkpt lat=\"{p.Latitude:0.0000000}\" lon=\"{p.Longitude:0.0000000}\"><ele>{p.Elevation:0.0}</ele><time>{p.TimeUtc:yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>");
        }

        text.Append("</trkseg></trk></gpx>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Tcx(IReadOnlyList<TrackPoint> track, double lapMeters, double lapSeconds, string sport = "Running")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
            <Activities><Activity Sport="{sport}"><Id>{track[0].TimeUtc:yyyy-MM-ddTHH:mm:ss.fffZ}</Id>
            <Lap StartTime="{track[0].TimeUtc:yyyy-MM-ddTHH:mm:ssZ}"><TotalTimeSeconds>{lapSeconds}</TotalTimeSeconds><DistanceMeters>{lapMeters}</DistanceMeters>
            <Calories>300</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod><Track>
            """);
        var distance = 0.0;
        TrackPoint? last = null;
        foreach (var p in track)
        {
            distance += last is null ? 0 : (p.Latitude - last.Latitude) * 111_195;
            last = p;
            text.Append(CultureInfo.InvariantCulture, $"<Trackpoint><Time>{p.TimeUtc:yyyy-MM-ddTHH:mm:ssZ}</Time><Position><LatitudeDegrees>{p.Latitude}</LatitudeDegrees><LongitudeDegrees>{p.Longitude}</LongitudeDegrees></Position><AltitudeMeters>{p.Elevation}</AltitudeMeters><DistanceMeters>{distance:0.0}</DistanceMeters></Trackpoint>");
        }

        text.Append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static ByteArrayContent Content(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>A zip archive of the given entries, as a watch platform's bulk export is.</summary>
    public static byte[] Zip(params (string Name, byte[] Body)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, body) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(body);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }
}

/// <summary>
/// A tiny FIT encoder: a 14-byte header with its CRC, then definition and data messages (little-endian), then the file
/// CRC. Enough to write file_id, session, lap and record messages as a watch does.
/// </summary>
public sealed class FitEncoder
{
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);
    private readonly List<byte> records = [];

    public static uint Seconds(DateTime utc) => (uint)(utc - FitEpoch).TotalSeconds;

    /// <summary>A definition message: local type, global message number, and (field number, size) pairs.</summary>
    public FitEncoder Define(byte local, ushort global, params (byte Number, byte Size)[] fields)
    {
        records.Add((byte)(0x40 | local));
        records.Add(0);
        records.Add(0);
        records.Add((byte)(global & 0xFF));
        records.Add((byte)(global >> 8));
        records.Add((byte)fields.Length);
        foreach (var (number, size) in fields)
        {
            records.Add(number);
            records.Add(size);
            records.Add(size switch { 1 => 0x00, 2 => 0x84, _ => 0x86 });
        }

        return this;
    }

    /// <summary>A data message for a local type defined before, its values in the definition's order and sizes.</summary>
    public FitEncoder Data(byte local, params (uint Value, byte Size)[] values)
    {
        records.Add(local);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var (value, size) in values)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            records.AddRange(bytes[..size].ToArray());
        }

        return this;
    }

    /// <summary>An activity: file_id, one record per track point, one lap and one session, as a running watch writes it.</summary>
    public static byte[] Activity(IReadOnlyList<TrackPoint> track, double meters, double timerSeconds, byte sport = 1, int ascent = 0)
    {
        var fit = new FitEncoder()
            .Define(0, 0, (0, 1), (4, 4)).Data(0, (4, 1), (Seconds(track[0].TimeUtc), 4))
            .Define(1, 20, (253, 4), (5, 4), (2, 2));
        for (var i = 0; i < track.Count; i++)
        {
            var distance = meters * i / (track.Count - 1);
            fit.Data(1, (Seconds(track[i].TimeUtc), 4), ((uint)Math.Round(distance * 100), 4), ((uint)Math.Round((track[i].Elevation + 500) * 5), 2));
        }

        var start = Seconds(track[0].TimeUtc);
        var timer = (uint)Math.Round(timerSeconds * 1000);
        var centimeters = (uint)Math.Round(meters * 100);
        return fit
            .Define(2, 19, (2, 4), (8, 4), (9, 4), (21, 2), (25, 1)).Data(2, (start, 4), (timer, 4), (centimeters, 4), ((uint)ascent, 2), (sport, 1))
            .Define(3, 18, (2, 4), (8, 4), (9, 4), (22, 2), (5, 1)).Data(3, (start, 4), (timer, 4), (centimeters, 4), ((uint)ascent, 2), (sport, 1))
            .ToFile();
    }

    public byte[] ToFile()
    {
        var data = records.ToArray();
        var file = new byte[14 + data.Length + 2];
        file[0] = 14;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 2195);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)data.Length);
        ".FIT"u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(12), Crc16Arc(file.AsSpan(0, 12)));
        data.CopyTo(file, 14);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(14 + data.Length), Crc16Arc(file.AsSpan(0, 14 + data.Length)));
        return file;
    }

    /// <summary>CRC-16/ARC (reflected polynomial 0xA001, initial 0), bit by bit: the checksum FIT specifies.</summary>
    public static ushort Crc16Arc(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }
}
