using System.IO.Compression;
using System.Xml;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.RunningLoad;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>
/// Reads an upload within <see cref="TrainingFileOptions"/>: the body is copied once to a temporary file that deletes
/// itself (never held in memory), then read forward; an archive is read entry by entry, each one's real unpacked size
/// counted against the limits whatever its header claims (docs/decisions/0061).
/// </summary>
public sealed class StreamingTrainingFileReader(IOptions<TrainingFileOptions> options) : ITrainingFileReader
{
    private const string Upload = "The upload";

    public async Task<TrainingFileContents> ReadAsync(Stream content, TrainingUploadKind kind, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var spooled = new FileStream(
            Path.Combine(Path.GetTempPath(), $"clinichip-upload-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var limited = new LimitedReadStream(content, limits.MaxUploadBytes, () => TrainingFileProblems.TooLarge(Upload, limits.MaxUploadBytes)))
        {
            await limited.CopyToAsync(spooled, cancellationToken);
        }

        spooled.Position = 0;
        var contents = kind == TrainingUploadKind.Zip
            ? ReadArchive(spooled, limits, cancellationToken)
            : new TrainingFileContents(ReadFile(spooled, FormatOf(kind), Upload, limits.MaxFileBytes), 1, 0);
        return contents.Activities.Count > 0 ? contents : throw TrainingFileProblems.NoActivities();
    }

    private static TrainingFileFormat FormatOf(TrainingUploadKind kind) => kind switch
    {
        TrainingUploadKind.Gpx => TrainingFileFormat.Gpx,
        TrainingUploadKind.Tcx => TrainingFileFormat.Tcx,
        TrainingUploadKind.Fit => TrainingFileFormat.Fit,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>One file, its format's reader; whatever goes wrong inside is the file's fault, answered 422.</summary>
    private static IReadOnlyList<RecordedActivity> ReadFile(Stream stream, TrainingFileFormat format, string what, long limit)
    {
        using var limited = new LimitedReadStream(stream, limit, () => TrainingFileProblems.TooLarge(what, limit));
        try
        {
            return format switch
            {
                TrainingFileFormat.Gpx => GpxActivityReader.Read(limited),
                TrainingFileFormat.Tcx => TcxActivityReader.Read(limited),
                _ => FitActivityReader.Read(limited, what),
            };
        }
        catch (Exception e) when (e is XmlException or FormatException or InvalidDataException or ArgumentException or OverflowException or InvalidOperationException)
        {
            throw TrainingFileProblems.Unreadable(what, e is XmlException ? e.Message : $"it is not a valid {format.ToString().ToUpperInvariant()} file.");
        }
    }

    private static TrainingFileContents ReadArchive(FileStream spooled, TrainingFileOptions limits, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(spooled, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw TrainingFileProblems.Unreadable(Upload, "it is not a zip archive.");
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxArchiveEntries)
            {
                throw TrainingFileProblems.TooManyEntries(limits.MaxArchiveEntries);
            }

            var activities = new List<RecordedActivity>();
            var (filesRead, ignored) = (0, 0);
            var unpacked = 0L;
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = entry.FullName;
                if (EscapesTheArchive(name))
                {
                    throw TrainingFileProblems.PathOutside(name.Length > 100 ? name[..100] : name);
                }

                if (TrainingFileName.Classify(name) is not { } file)
                {
                    ignored++;
                    continue;
                }

                var what = $"The archive entry '{(name.Length > 100 ? name[..100] : name)}'";
                if (entry.Length > limits.MaxFileBytes && !file.Gzipped)
                {
                    throw TrainingFileProblems.TooLarge(what, limits.MaxFileBytes);
                }

                // The real unpacked size is counted as it is read: an entry may claim one size and inflate to another.
                var bound = Math.Min(Math.Max(entry.CompressedLength, 1) * limits.MaxCompressionRatio, limits.MaxUnpackedBytes - unpacked);
                var entryStream = new LimitedReadStream(OpenEntry(entry, what), bound, () => TrainingFileProblems.Bomb(what));
                using (entryStream)
                {
                    Stream body = file.Gzipped ? new GZipStream(entryStream, CompressionMode.Decompress) : entryStream;
                    using (body)
                    {
                        var found = file.Gzipped
                            ? ReadFile(new LimitedReadStream(body, bound, () => TrainingFileProblems.Bomb(what)), file.Format, what, limits.MaxFileBytes)
                            : ReadFile(body, file.Format, what, limits.MaxFileBytes);
                        activities.AddRange(found);
                    }

                    unpacked += entryStream.BytesRead;
                }

                filesRead++;
            }

            return new TrainingFileContents(activities, filesRead, ignored);
        }
    }

    private static Stream OpenEntry(ZipArchiveEntry entry, string what)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException)
        {
            throw TrainingFileProblems.Unreadable(what, "its compression is not supported or it is damaged.");
        }
    }

    /// <summary>A name that is absolute, names a drive, or climbs with <c>..</c> would land outside the archive if unpacked.</summary>
    private static bool EscapesTheArchive(string name)
    {
        var path = name.Replace('\\', '/');
        return path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Any(segment => segment == "..");
    }
}

/// <summary>Which archive entries are training files, by name: <c>.gpx</c>, <c>.tcx</c>, <c>.fit</c>, each possibly gzipped (as Strava exports them).</summary>
internal sealed record TrainingFileName(TrainingFileFormat Format, bool Gzipped)
{
    public static TrainingFileName? Classify(string name)
    {
        var gzipped = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var bare = gzipped ? name[..^3] : name;
        TrainingFileFormat? format = Path.GetExtension(bare).ToLowerInvariant() switch
        {
            ".gpx" => TrainingFileFormat.Gpx,
            ".tcx" => TrainingFileFormat.Tcx,
            ".fit" => TrainingFileFormat.Fit,
            _ => null,
        };
        return format is { } known && !name.EndsWith('/') ? new TrainingFileName(known, gzipped) : null;
    }
}
