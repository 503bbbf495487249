using System.Buffers.Binary;
using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>
/// The smallest FIT reader the running load needs (docs/decisions/0061), forward only: the file header, definition and
/// data messages (normal and compressed-timestamp headers, either byte order, developer fields skipped) and the CRC,
/// which must match. Of the messages it keeps only session (18), lap (19) and record (20): one activity per session;
/// without sessions, the laps summed; without laps, the records (<see cref="TrackSummary"/>). Chained FIT files are read
/// one after the other.
/// </summary>
internal static class FitActivityReader
{
    private const ushort SessionMessage = 18;
    private const ushort LapMessage = 19;
    private const ushort RecordMessage = 20;
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<RecordedActivity> Read(Stream stream, string what)
    {
        var activities = new List<RecordedActivity>();
        var input = new FitInput(stream, what);
        do
        {
            activities.AddRange(ReadFile(input, what));
        }
        while (input.HasMore());

        return activities;
    }

    private static List<RecordedActivity> ReadFile(FitInput input, string what)
    {
        input.ResetCrc();
        var headerSize = input.Byte();
        if (headerSize is not (12 or 14))
        {
            throw TrainingFileProblems.Unreadable(what, "not a FIT file (header size).");
        }

        Span<byte> header = stackalloc byte[13];
        input.Bytes(header[..(headerSize - 1)]);
        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(header[3..]);
        if (!header[7..11].SequenceEqual(".FIT"u8))
        {
            throw TrainingFileProblems.Unreadable(what, "not a FIT file (no .FIT signature).");
        }

        var file = new FitFile();
        var definitions = new FitDefinition?[16];
        var dataEnd = input.Position + dataSize;
        while (input.Position < dataEnd)
        {
            var recordHeader = input.Byte();
            if ((recordHeader & 0x80) != 0)
            {
                var local = (recordHeader >> 5) & 0x3;
                file.Accept(Data(input, definitions[local], what), compressedTimeOffset: recordHeader & 0x1F);
            }
            else if ((recordHeader & 0x40) != 0)
            {
                definitions[recordHeader & 0x0F] = Definition(input, developerFields: (recordHeader & 0x20) != 0);
            }
            else
            {
                file.Accept(Data(input, definitions[recordHeader & 0x0F], what), compressedTimeOffset: null);
            }
        }

        var computed = input.Crc;
        var stored = (ushort)(input.Byte() | (input.Byte() << 8));
        return input.Position != dataEnd + 2 ? throw TrainingFileProblems.Unreadable(what, "a record runs past the end of the data.")
            : stored != computed ? throw TrainingFileProblems.ChecksumMismatch(what)
            : file.Activities();
    }

    private static FitDefinition Definition(FitInput input, bool developerFields)
    {
        input.Byte();
        var bigEndian = input.Byte() == 1;
        var global = input.UInt16(bigEndian);
        var fields = new (byte Number, byte Size)[input.Byte()];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = (input.Byte(), input.Byte());
            input.Byte();
        }

        var developerBytes = 0;
        if (developerFields)
        {
            var count = input.Byte();
            for (var i = 0; i < count; i++)
            {
                input.Byte();
                developerBytes += input.Byte();
                input.Byte();
            }
        }

        return new FitDefinition(global, bigEndian, fields, developerBytes);
    }

    private static FitMessage Data(FitInput input, FitDefinition? definition, string what)
    {
        if (definition is null)
        {
            throw TrainingFileProblems.Unreadable(what, "a data message comes before its definition.");
        }

        var values = new Dictionary<byte, uint>();
        Span<byte> buffer = stackalloc byte[255];
        foreach (var (number, size) in definition.Fields)
        {
            var field = buffer[..size];
            input.Bytes(field);
            if (size is 1 or 2 or 4 && Value(field, definition.BigEndian) is { } value)
            {
                values[number] = value;
            }
        }

        input.Skip(definition.DeveloperBytes);
        return new FitMessage(definition.GlobalNumber, values);
    }

    /// <summary>An unsigned value of 1, 2 or 4 bytes; null when it is the FIT "invalid" value (all bits set).</summary>
    private static uint? Value(ReadOnlySpan<byte> field, bool bigEndian)
    {
        uint value = field.Length switch
        {
            1 => field[0],
            2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(field) : BinaryPrimitives.ReadUInt16LittleEndian(field),
            _ => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field),
        };
        var invalid = field.Length switch { 1 => 0xFFu, 2 => 0xFFFFu, _ => 0xFFFFFFFFu };
        return value == invalid ? null : value;
    }

    private static DateTime Time(uint fitSeconds) => FitEpoch.AddSeconds(fitSeconds);

    private static string SportName(uint? sport) => sport switch
    {
        null => "running",
        0 => "generic",
        1 => "running",
        2 => "cycling",
        5 => "swimming",
        10 => "training",
        11 => "walking",
        15 => "rowing",
        17 => "hiking",
        _ => $"sport-{sport}",
    };

    private sealed record FitDefinition(ushort GlobalNumber, bool BigEndian, (byte Number, byte Size)[] Fields, int DeveloperBytes);

    private sealed record FitMessage(ushort GlobalNumber, Dictionary<byte, uint> Values)
    {
        public uint? this[byte field] => Values.TryGetValue(field, out var value) ? value : null;
    }

    /// <summary>What one FIT file said about its activity, message by message.</summary>
    private sealed class FitFile
    {
        private readonly List<RecordedActivity> sessions = [];
        private readonly List<FitMessage> laps = [];
        private readonly TrackSummary records = new();
        private uint lastTimestamp;

        public void Accept(FitMessage message, int? compressedTimeOffset)
        {
            var timestamp = message[253];
            if (compressedTimeOffset is { } offset)
            {
                // A compressed header carries the low five bits of the time since the last full timestamp.
                timestamp = (lastTimestamp & ~0x1Fu) + (uint)offset + ((uint)offset < (lastTimestamp & 0x1F) ? 0x20u : 0);
            }

            lastTimestamp = timestamp ?? lastTimestamp;
            switch (message.GlobalNumber)
            {
                case SessionMessage when message[2] is { } start:
                    sessions.Add(new RecordedActivity(
                        SportName(message[5]), Time(start), (message[9] ?? 0) / 100.0, (message[8] ?? message[7] ?? 0) / 1000.0, message[22], TrainingFileFormat.Fit));
                    break;
                case LapMessage when message[2] is not null:
                    laps.Add(message);
                    break;
                case RecordMessage when timestamp is { } at:
                    var altitude = message[78] ?? message[2];
                    records.AddDistance(Time(at), message[5] / 100.0, altitude / 5.0 - 500);
                    break;
            }
        }

        public List<RecordedActivity> Activities()
        {
            if (sessions.Count > 0)
            {
                return sessions.ConvertAll(s => s.ElevationGainMeters is null && sessions.Count == 1 ? s with { ElevationGainMeters = records.AscentMeters } : s);
            }

            if (laps.Count > 0)
            {
                var ascent = laps.All(l => l[21] is null) ? records.AscentMeters : laps.Sum(l => (double)(l[21] ?? 0));
                return
                [
                    new RecordedActivity(
                        SportName(laps[0][25]), Time(laps.Min(l => l[2]!.Value)), laps.Sum(l => (l[9] ?? 0) / 100.0),
                        laps.Sum(l => (l[8] ?? l[7] ?? 0) / 1000.0), ascent, TrainingFileFormat.Fit),
                ];
            }

            return records.Start is { } began
                ? [new RecordedActivity("running", began, records.DistanceMeters, records.MovingSeconds, records.AscentMeters, TrainingFileFormat.Fit)]
                : [];
        }
    }

    /// <summary>The bytes of a FIT file, read forward with the running CRC.</summary>
    private sealed class FitInput(Stream stream, string what)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int next;
        private int filled;

        public long Position { get; private set; }

        public ushort Crc { get; private set; }

        public void ResetCrc()
        {
            Crc = 0;
            Position = 0;
        }

        public bool HasMore()
        {
            return next < filled || Fill();
        }

        public byte Byte()
        {
            if (next == filled && !Fill())
            {
                throw TrainingFileProblems.Unreadable(what, "the file ends early (truncated).");
            }

            var value = buffer[next++];
            Crc = FitCrc.Add(Crc, value);
            Position++;
            return value;
        }

        public void Bytes(Span<byte> into)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] = Byte();
            }
        }

        public ushort UInt16(bool bigEndian)
        {
            var (first, second) = (Byte(), Byte());
            return bigEndian ? (ushort)((first << 8) | second) : (ushort)(first | (second << 8));
        }

        private bool Fill()
        {
            (next, filled) = (0, stream.Read(buffer, 0, buffer.Length));
            return filled > 0;
        }

        public void Skip(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Byte();
            }
        }
    }
}
