using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>What an upload holds: one GPX, TCX or FIT file, or a zip archive of them (a watch platform's bulk export).</summary>
public enum TrainingUploadKind
{
    Gpx,
    Tcx,
    Fit,
    Zip,
}

/// <summary>The activities found in an upload.</summary>
/// <param name="Activities">Every activity read, in the order found.</param>
/// <param name="FilesRead">Training files read (1 for a single file).</param>
/// <param name="EntriesIgnored">Archive entries that are not training files (photos, CSV summaries, folders).</param>
public sealed record TrainingFileContents(IReadOnlyList<RecordedActivity> Activities, int FilesRead, int EntriesIgnored);

/// <summary>
/// Reads runners' training files, streaming, within the configured limits. A file that cannot be read safely (too large,
/// corrupt, a wrong checksum, XML with a DTD, an archive that is a bomb or names paths outside itself) is refused with an
/// <see cref="Exceptions.UnprocessableRequestException"/> naming the problem; nothing is returned from it.
/// </summary>
public interface ITrainingFileReader
{
    Task<TrainingFileContents> ReadAsync(Stream content, TrainingUploadKind kind, CancellationToken cancellationToken);
}
