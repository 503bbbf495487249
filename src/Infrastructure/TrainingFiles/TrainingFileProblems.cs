using ClinicHip.Application.Common.Exceptions;

namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>The refusals of a training file, each with its stable code (docs/problem-types.md).</summary>
internal static class TrainingFileProblems
{
    public static UnprocessableRequestException Unreadable(string what, string why) =>
        new("training-file.unreadable", $"{what} cannot be read: {why}");

    public static UnprocessableRequestException ChecksumMismatch(string what) =>
        new("training-file.checksum-mismatch", $"{what} is damaged: its FIT checksum (CRC) does not match its contents.");

    public static UnprocessableRequestException TooLarge(string what, long limit) =>
        new("training-file.too-large", $"{what} is larger than {limit / (1024 * 1024)} MiB.");

    public static UnprocessableRequestException TooManyEntries(int limit) =>
        new("training-file.archive-too-many-entries", $"The archive holds more than {limit} entries.");

    public static UnprocessableRequestException Bomb(string what) =>
        new("training-file.archive-bomb", $"{what} unpacks to far more than its packed size (a zip bomb), or the archive to more than the limit.");

    public static UnprocessableRequestException PathOutside(string entry) =>
        new("training-file.archive-path-outside", $"The archive entry '{entry}' names a path outside the archive.");

    public static UnprocessableRequestException NoActivities() =>
        new("training-file.no-activities", "The upload holds no recorded activity (a GPX track, a TCX activity or a FIT activity file).");
}
