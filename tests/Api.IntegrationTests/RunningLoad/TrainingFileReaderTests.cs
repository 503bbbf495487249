using System.Text;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.TrainingFiles;
using Microsoft.Extensions.Options;
using static ClinicHip.Api.IntegrationTests.RunningLoad.TrainingFiles;

namespace ClinicHip.Api.IntegrationTests.RunningLoad;

/// <summary>The readers of GPX, TCX, FIT and zip exports, and every way a file is refused, without HTTP.</summary>
public sealed class TrainingFileReaderTests
{
    private static readonly DateTime Start = new(2026, 11, 30, 20, 0, 0, DateTimeKind.Utc);

    private static StreamingTrainingFileReader Reader(TrainingFileOptions? options = null) => new(Options.Create(options ?? new TrainingFileOptions()));

    private static Task<TrainingFileContents> ReadAsync(byte[] body, TrainingUploadKind kind, TrainingFileOptions? options = null) =>
        Reader(options).ReadAsync(new MemoryStream(body), kind, CancellationToken.None);

    private static async Task<string> RefusalAsync(byte[] body, TrainingUploadKind kind, TrainingFileOptions? options = null) =>
        (await Should.ThrowAsync<UnprocessableRequestException>(() => ReadAsync(body, kind, options))).Code!;

    [Fact]
    public async Task ReadAsync_Gpx_ReadsDistanceMovingTimeAndAscent()
    {
        var activity = (await ReadAsync(Gpx(Track(Start, 10, TimeSpan.FromMinutes(50), climbMeters: 60)), TrainingUploadKind.Gpx)).Activities.ShouldHaveSingleItem();

        activity.Sport.ShouldBe("running");
        activity.StartUtc.ShouldBe(Start);
        activity.DistanceMeters.ShouldBe(10_000, tolerance: 20);
        activity.MovingSeconds.ShouldBe(3000, tolerance: 1);
        activity.ElevationGainMeters!.Value.ShouldBe(60, tolerance: 4);
    }

    [Fact]
    public async Task ReadAsync_GpxWithAStop_LeavesTheStopOutOfMovingTime()
    {
        var before = Track(Start, 5, TimeSpan.FromMinutes(25));
        var after = Track(Start.AddMinutes(35), 5, TimeSpan.FromMinutes(25)).Select(p => p with { Latitude = p.Latitude + before[^1].Latitude + 27.47 }).ToList();

        var activity = (await ReadAsync(Gpx([.. before, .. after]), TrainingUploadKind.Gpx)).Activities.ShouldHaveSingleItem();

        activity.MovingSeconds.ShouldBe(3000, tolerance: 1);
    }

    [Fact]
    public async Task ReadAsync_GpxOfARide_KeepsItsSport()
    {
        var activity = (await ReadAsync(Gpx(Track(Start, 30, TimeSpan.FromHours(1)), type: "cycling"), TrainingUploadKind.Gpx)).Activities.ShouldHaveSingleItem();

        activity.Sport.ShouldBe("cycling");
        activity.IsRunning.ShouldBeFalse();
    }

    [Fact]
    public async Task ReadAsync_GpxWithADtd_IsRefusedUnread()
    {
        var prolog = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

        (await RefusalAsync(Gpx(Track(Start, 5, TimeSpan.FromMinutes(30)), prolog: prolog), TrainingUploadKind.Gpx)).ShouldBe("training-file.unreadable");
    }

    [Fact]
    public async Task ReadAsync_TruncatedGpx_IsUnreadable()
    {
        var gpx = Gpx(Track(Start, 5, TimeSpan.FromMinutes(30)));

        (await RefusalAsync(gpx[..(gpx.Length / 2)], TrainingUploadKind.Gpx)).ShouldBe("training-file.unreadable");
    }

    [Fact]
    public async Task ReadAsync_Tcx_TakesTheLapTotalsAndTheSport()
    {
        var tcx = Tcx(Track(Start, 8, TimeSpan.FromMinutes(45), climbMeters: 30), lapMeters: 8012.5, lapSeconds: 2580);

        var activity = (await ReadAsync(tcx, TrainingUploadKind.Tcx)).Activities.ShouldHaveSingleItem();

        activity.Sport.ShouldBe("running");
        activity.StartUtc.ShouldBe(Start);
        activity.DistanceMeters.ShouldBe(8012.5);
        activity.MovingSeconds.ShouldBe(2580);
        activity.ElevationGainMeters!.Value.ShouldBe(30, tolerance: 4);
    }

    [Fact]
    public async Task ReadAsync_TcxWithAnExternalEntity_IsRefusedUnread()
    {
        var tcx = Encoding.UTF8.GetString(Tcx(Track(Start, 8, TimeSpan.FromMinutes(45)), 8000, 2700))
            .Replace("<TrainingCenterDatabase", "<!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:9/\">]><TrainingCenterDatabase", StringComparison.Ordinal);

        (await RefusalAsync(Encoding.UTF8.GetBytes(tcx), TrainingUploadKind.Tcx)).ShouldBe("training-file.unreadable");
    }

    [Fact]
    public async Task ReadAsync_Fit_TakesTheSession()
    {
        var fit = FitEncoder.Activity(Track(Start, 12, TimeSpan.FromMinutes(62)), meters: 12_034.56, timerSeconds: 3655.5, ascent: 84);

        var activity = (await ReadAsync(fit, TrainingUploadKind.Fit)).Activities.ShouldHaveSingleItem();

        activity.Sport.ShouldBe("running");
        activity.StartUtc.ShouldBe(Start);
        activity.DistanceMeters.ShouldBe(12_034.56, tolerance: 0.01);
        activity.MovingSeconds.ShouldBe(3655.5);
        activity.ElevationGainMeters.ShouldBe(84);
    }

    [Fact]
    public async Task ReadAsync_FitMadeByGarminsOwnSdk_ReadsItsSession()
    {
        var fit = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "RunningLoad", "Fixtures", "garmin-fitsdk-5km-run.fit"));

        var activity = (await ReadAsync(fit, TrainingUploadKind.Fit)).Activities.ShouldHaveSingleItem();

        activity.Sport.ShouldBe("running");
        activity.StartUtc.ShouldBe(new DateTime(2026, 11, 29, 20, 0, 0, DateTimeKind.Utc));
        activity.DistanceMeters.ShouldBe(5000);
        activity.MovingSeconds.ShouldBe(1800);
        activity.ElevationGainMeters.ShouldBe(42);
    }

    [Fact]
    public async Task ReadAsync_FitMadeByGarminsOwnSdkWithOneByteChanged_IsRefusedByTheCrc()
    {
        var fit = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "RunningLoad", "Fixtures", "garmin-fitsdk-5km-run.fit"));
        fit[fit.Length / 2] ^= 0x10;

        (await RefusalAsync(fit, TrainingUploadKind.Fit)).ShouldBe("training-file.checksum-mismatch");
    }

    [Fact]
    public async Task ReadAsync_FitWithRecordsOnly_SumsTheRecords()
    {
        var track = Track(Start, 6, TimeSpan.FromMinutes(36), climbMeters: 45, points: 100);
        var fit = new FitEncoder().Define(0, 20, (253, 4), (5, 4), (2, 2));
        for (var i = 0; i < track.Count; i++)
        {
            fit.Data(0, (FitEncoder.Seconds(track[i].TimeUtc), 4), ((uint)(6000.0 * i / (track.Count - 1) * 100), 4), ((uint)((track[i].Elevation + 500) * 5), 2));
        }

        var activity = (await ReadAsync(fit.ToFile(), TrainingUploadKind.Fit)).Activities.ShouldHaveSingleItem();

        activity.DistanceMeters.ShouldBe(6000, tolerance: 1);
        activity.MovingSeconds.ShouldBe(2160, tolerance: 1);
        activity.ElevationGainMeters!.Value.ShouldBe(45, tolerance: 4);
    }

    [Fact]
    public async Task ReadAsync_FitWithAWrongCrc_IsRefused()
    {
        var fit = FitEncoder.Activity(Track(Start, 5, TimeSpan.FromMinutes(30)), 5000, 1800);
        fit[^1] ^= 0x5A;

        (await RefusalAsync(fit, TrainingUploadKind.Fit)).ShouldBe("training-file.checksum-mismatch");
    }

    [Fact]
    public async Task ReadAsync_FitWithAFlippedDataByte_IsRefusedByTheCrc()
    {
        var fit = FitEncoder.Activity(Track(Start, 5, TimeSpan.FromMinutes(30)), 5000, 1800);
        fit[^10] ^= 0x01;

        (await RefusalAsync(fit, TrainingUploadKind.Fit)).ShouldBe("training-file.checksum-mismatch");
    }

    [Fact]
    public async Task ReadAsync_TruncatedFit_IsUnreadable()
    {
        var fit = FitEncoder.Activity(Track(Start, 5, TimeSpan.FromMinutes(30)), 5000, 1800);

        (await RefusalAsync(fit[..(fit.Length - 40)], TrainingUploadKind.Fit)).ShouldBe("training-file.unreadable");
    }

    [Fact]
    public async Task ReadAsync_NotAFitFile_IsUnreadable() =>
        (await RefusalAsync(Encoding.UTF8.GetBytes("this is not a watch file at all"), TrainingUploadKind.Fit)).ShouldBe("training-file.unreadable");

    [Fact]
    public async Task ReadAsync_FitDataBeforeItsDefinition_IsUnreadable() =>
        (await RefusalAsync(new FitEncoder().Data(3, (1, 4)).ToFile(), TrainingUploadKind.Fit)).ShouldBe("training-file.unreadable");

    [Fact]
    public async Task ReadAsync_ZipExport_ReadsEveryFormatIgnoresTheRestAndUnpacksGzip()
    {
        var zip = Zip(
            ("activities/1.gpx", Gpx(Track(Start, 5, TimeSpan.FromMinutes(30)))),
            ("activities/2.tcx", Tcx(Track(Start.AddDays(1), 6, TimeSpan.FromMinutes(35)), 6000, 2100)),
            ("activities/3.fit.gz", Gzip(FitEncoder.Activity(Track(Start.AddDays(2), 7, TimeSpan.FromMinutes(40)), 7000, 2400))),
            ("activities.csv", "id,date\n1,2026-11-30"u8.ToArray()),
            ("media/photo.jpg", [0xFF, 0xD8, 0xFF]));

        var contents = await ReadAsync(zip, TrainingUploadKind.Zip);

        contents.FilesRead.ShouldBe(3);
        contents.EntriesIgnored.ShouldBe(2);
        contents.Activities.Select(a => Math.Round(a.DistanceMeters / 1000)).ShouldBe([5, 6, 7]);
    }

    [Theory]
    [InlineData("../../etc/cron.d/run.gpx")]
    [InlineData("/etc/run.gpx")]
    [InlineData("C:\\Windows\\run.gpx")]
    [InlineData("activities\\..\\..\\run.gpx")]
    public async Task ReadAsync_ZipEntryClimbingOutOfTheArchive_IsRefused(string name) =>
        (await RefusalAsync(Zip((name, Gpx(Track(Start, 5, TimeSpan.FromMinutes(30))))), TrainingUploadKind.Zip)).ShouldBe("training-file.archive-path-outside");

    [Fact]
    public async Task ReadAsync_ZipBomb_IsRefusedWithoutUnpackingIt()
    {
        // A well-formed start, then 60 MiB of spaces: it packs to about 60 KiB, a ratio near 1000.
        var bomb = Encoding.UTF8.GetBytes("<gpx version=\"1.1\" creator=\"x\" xmlns=\"http://www.topografix.com/GPX/1/1\">" + new string(' ', 60 * 1024 * 1024) + "</gpx>");
        var zip = Zip(("activities/bomb.gpx", bomb));

        (await RefusalAsync(zip, TrainingUploadKind.Zip)).ShouldBe("training-file.archive-bomb");
    }

    [Fact]
    public async Task ReadAsync_ZipUnpackingPastTheTotalLimit_IsRefused()
    {
        var gpx = Gpx(Track(Start, 5, TimeSpan.FromMinutes(30)));
        var zip = Zip(("1.gpx", gpx), ("2.gpx", gpx), ("3.gpx", gpx));

        (await RefusalAsync(zip, TrainingUploadKind.Zip, new TrainingFileOptions { MaxUnpackedBytes = gpx.Length * 2 })).ShouldBe("training-file.archive-bomb");
    }

    [Fact]
    public async Task ReadAsync_ZipWithTooManyEntries_IsRefused()
    {
        var zip = Zip([.. Enumerable.Range(0, 11).Select(i => ($"notes/{i}.txt", "x"u8.ToArray()))]);

        (await RefusalAsync(zip, TrainingUploadKind.Zip, new TrainingFileOptions { MaxArchiveEntries = 10 })).ShouldBe("training-file.archive-too-many-entries");
    }

    [Fact]
    public async Task ReadAsync_UploadOverTheLimit_IsRefused() =>
        (await RefusalAsync(new byte[4096], TrainingUploadKind.Fit, new TrainingFileOptions { MaxUploadBytes = 2048 })).ShouldBe("training-file.too-large");

    [Fact]
    public async Task ReadAsync_NotAZip_IsUnreadable() =>
        (await RefusalAsync("PK but not really"u8.ToArray(), TrainingUploadKind.Zip)).ShouldBe("training-file.unreadable");

    [Fact]
    public async Task ReadAsync_ZipWithoutTrainingFiles_HasNoActivities() =>
        (await RefusalAsync(Zip(("readme.txt", "hello"u8.ToArray())), TrainingUploadKind.Zip)).ShouldBe("training-file.no-activities");
}
