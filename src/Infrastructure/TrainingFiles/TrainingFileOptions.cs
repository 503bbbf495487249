using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>Limits on uploaded training files (section <c>TrainingFiles</c>; docs/configuration.md).</summary>
public sealed class TrainingFileOptions
{
    public const string SectionName = "TrainingFiles";

    /// <summary>The largest upload, as sent (a single file or a zip archive).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The largest single training file, unpacked.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most an archive may unpack to, in all.</summary>
    [Range(1024, 64L * 1024 * 1024 * 1024)]
    public long MaxUnpackedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>The most entries an archive may hold (a five-year export holds about 1 500 activities and their photos).</summary>
    [Range(1, 1_000_000)]
    public int MaxArchiveEntries { get; init; } = 20_000;

    /// <summary>How many times larger than its compressed size an entry may unpack to; more is a zip bomb.</summary>
    [Range(2, 10_000)]
    public int MaxCompressionRatio { get; init; } = 100;
}
