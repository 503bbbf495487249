using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.RunningLoad.TrainingFiles;

namespace ClinicHip.Api.IntegrationTests.RunningLoad;

/// <summary>Training files through HTTP: who may send and read them, what refuses them, and how they fill the weekly running load.</summary>
public class TrainingFileUploadTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const string GpxType = "application/gpx+xml";
    private const string FitType = "application/vnd.ant.fit";

    /// <summary>Monday 00:00 in Brisbane (UTC+10) of the week <paramref name="weeksAgo"/> before this one, as UTC.</summary>
    private static DateTime MondayUtc(int weeksAgo)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.Add(BrisbaneOffset));
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * weeksAgo);
        return monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - BrisbaneOffset;
    }

    private static byte[] Run(DateTime startUtc, double km) => Gpx(Track(startUtc, km, TimeSpan.FromMinutes(km * 6)));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid patientId, byte[] body, string type = GpxType) =>
        client.PostAsync($"/api/patients/{patientId}/training-files", Content(body, type));

    private static async Task<JsonObject> UploadedAsync(HttpClient client, Guid patientId, byte[] body, string type = GpxType)
    {
        var response = await UploadAsync(client, patientId, body, type);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<int> RunCountAsync(HttpClient client, Guid patientId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/patients/{patientId}/training-runs"))!["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task Upload_AnotherPatientsRecord_Returns404_AndStoresNothing()
    {
        var (owner, profile) = await factory.NewPatientClientAsync();
        var (stranger, _) = await factory.NewPatientClientAsync();

        await (await UploadAsync(stranger, profile.Id, Run(MondayUtc(1), 5))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/patients/{profile.Id}/training-runs")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await RunCountAsync(owner, profile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_RoleMatrix_AnonymousFrontDeskAdminAndUnscopedClientsAreRefused_ScopedClientAndClinicianMay()
    {
        var scenario = await CreateAsync(factory);
        var (owner, profile) = await factory.NewPatientClientAsync();
        var path = $"/api/patients/{profile.Id}/training-files";

        await (await factory.CreateClient().PostAsync(path, Content(Run(MondayUtc(1), 5), GpxType))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await (await scenario.FrontDeskAsync(factory)).PostAsync(path, Content(Run(MondayUtc(1), 5), GpxType))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await scenario.Admin.PostAsync(path, Content(Run(MondayUtc(1), 5), GpxType))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var unscoped = await factory.IntegrationClientAsync(scenario.Admin, "appointments:write", "patients:read");
        await (await unscoped.Client.PostAsync(path, Content(Run(MondayUtc(1), 5), GpxType))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await RunCountAsync(owner, profile.Id)).ShouldBe(0);

        var watchPlatform = await factory.IntegrationClientAsync(scenario.Admin, "training-files:write");
        (await UploadedAsync(watchPlatform.Client, profile.Id, Run(MondayUtc(1), 5)))["runsAdded"]!.GetValue<int>().ShouldBe(1);
        await (await watchPlatform.Client.GetAsync($"/api/patients/{profile.Id}/training-runs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var clinician = await scenario.ClinicianClientAsync(factory);
        (await UploadedAsync(clinician, profile.Id, Run(MondayUtc(1).AddDays(2), 6)))["runsAdded"]!.GetValue<int>().ShouldBe(1);
        (await RunCountAsync(clinician, profile.Id)).ShouldBe(2);
        await (await (await scenario.FrontDeskAsync(factory)).GetAsync($"/api/patients/{profile.Id}/training-runs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upload_TheSameFileTwice_AddsNothingTheSecondTime()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var file = Run(MondayUtc(1), 8);

        (await UploadedAsync(patient, profile.Id, file))["runsAdded"]!.GetValue<int>().ShouldBe(1);
        var replay = await UploadedAsync(patient, profile.Id, file);

        replay["runsAdded"]!.GetValue<int>().ShouldBe(0);
        replay["duplicatesSkipped"]!.GetValue<int>().ShouldBe(1);
        (await RunCountAsync(patient, profile.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Upload_TheSameRunFromAWatchAndAPhone_CountsItOnce()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var start = MondayUtc(1).AddHours(7);
        var watch = FitEncoder.Activity(Track(start, 10, TimeSpan.FromMinutes(55)), meters: 10_050, timerSeconds: 3300);
        var phone = Gpx(Track(start.AddSeconds(40), 9.8, TimeSpan.FromMinutes(54)));

        var both = await UploadedAsync(patient, profile.Id, Zip(("watch/run.fit", watch), ("phone/run.gpx", phone)), "application/zip");

        both["runsAdded"]!.GetValue<int>().ShouldBe(1);
        both["duplicatesSkipped"]!.GetValue<int>().ShouldBe(1);
        var week = (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/running-load"))!["weeks"]!.AsArray().ShouldHaveSingleItem()!;
        week["runs"]!.GetValue<int>().ShouldBe(1);
        week["source"]!.GetValue<string>().ShouldBe("TrainingFiles");
    }

    [Fact]
    public async Task Upload_AWatchExport_FillsTheWeeksAndTheSpikeFlagsFire()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        // Four steady weeks of 3 × 10 km, then a week of 3 × 16 km: +60 % and an acute:chronic ratio of 1.6.
        var entries = Enumerable.Range(0, 5).SelectMany(week => Enumerable.Range(0, 3).Select(day =>
            ($"activities/{week}-{day}.gpx", Run(MondayUtc(5 - week).AddDays(day * 2).AddHours(8), week == 4 ? 16 : 10)))).ToArray();

        var uploaded = await UploadedAsync(patient, profile.Id, Zip(entries), "application/zip");

        uploaded["filesRead"]!.GetValue<int>().ShouldBe(15);
        uploaded["runsAdded"]!.GetValue<int>().ShouldBe(15);
        var weeks = (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/running-load"))!["weeks"]!.AsArray();
        weeks.Select(w => Math.Round(w!["distanceKm"]!.GetValue<decimal>())).ShouldBe([30m, 30m, 30m, 30m, 48m]);
        var spike = weeks[^1]!;
        spike["runs"]!.GetValue<int>().ShouldBe(3);
        spike["flags"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["running-load.weekly-rise-over-10-percent", "running-load.acute-chronic-over-1.5"], ignoreOrder: true);
        weeks[1]!["flags"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_AWeekAlsoTypedByHand_TheFilesWin_AndTypedWeeksElsewhereStay()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var path = $"/api/patients/{profile.Id}/running-load";
        var typedWeek = DateOnly.FromDateTime(MondayUtc(2).AddHours(12));
        var recordedWeek = DateOnly.FromDateTime(MondayUtc(1).AddHours(12));
        (await patient.PostAsJsonAsync(path, new { weekStart = typedWeek, distanceKm = 20, runs = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patient.PostAsJsonAsync(path, new { weekStart = recordedWeek, distanceKm = 40, runs = 4 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await UploadedAsync(patient, profile.Id, Run(MondayUtc(1).AddDays(1), 12));

        var weeks = (await patient.GetFromJsonAsync<JsonObject>(path))!["weeks"]!.AsArray();
        weeks.Select(w => (DateOnly.Parse(w!["weekStart"]!.GetValue<string>(), CultureInfo.InvariantCulture), Math.Round(w["distanceKm"]!.GetValue<decimal>()), w["source"]!.GetValue<string>()))
            .ShouldBe([(typedWeek, 20m, "Patient"), (recordedWeek, 12m, "TrainingFiles")]);
    }

    [Fact]
    public async Task Upload_RunsEitherSideOfMidnightSundayInTheClinicsZone_FallInTheirOwnWeeks()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var monday = MondayUtc(1);

        await UploadedAsync(patient, profile.Id, Zip(
            ("sunday-late.gpx", Gpx(Track(monday.AddMinutes(-40), 5, TimeSpan.FromMinutes(30)))),
            ("monday-early.gpx", Gpx(Track(monday.AddMinutes(20), 5, TimeSpan.FromMinutes(30))))), "application/zip");

        var runs = (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/training-runs"))!["items"]!.AsArray();
        var mondayDate = DateOnly.FromDateTime(monday.Add(BrisbaneOffset));
        runs.Select(r => DateOnly.Parse(r!["weekStart"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ShouldBe([mondayDate, mondayDate.AddDays(-7)]);
        runs.Select(r => DateOnly.Parse(r!["localDate"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ShouldBe([mondayDate, mondayDate.AddDays(-1)]);
    }

    [Fact]
    public async Task Upload_AnotherSport_IsKeptButNotCountedAsRunning()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        var uploaded = await UploadedAsync(patient, profile.Id, Gpx(Track(MondayUtc(1), 40, TimeSpan.FromMinutes(90)), type: "cycling"));

        uploaded["runsAdded"]!.GetValue<int>().ShouldBe(0);
        uploaded["otherSportsAdded"]!.GetValue<int>().ShouldBe(1);
        (await RunCountAsync(patient, profile.Id)).ShouldBe(1);
        (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/running-load"))!["weeks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Upload_ARunInTheFuture_Returns422_AndTheRestOfTheArchiveIsNotStored()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var zip = Zip(("past.gpx", Run(MondayUtc(1), 5)), ("future.gpx", Run(DateTime.UtcNow.AddDays(3), 5)));

        var problem = await (await UploadAsync(patient, profile.Id, zip, "application/zip")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("training-file.activity-in-future");
        (await RunCountAsync(patient, profile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_ARunAtCarSpeed_Returns422()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        var problem = await (await UploadAsync(patient, profile.Id, Gpx(Track(MondayUtc(1), 30, TimeSpan.FromMinutes(20))))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("training-file.implausible-speed");
        (await RunCountAsync(patient, profile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_HostileFiles_AreProblemsNeverServerErrors()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var fit = FitEncoder.Activity(Track(MondayUtc(1), 5, TimeSpan.FromMinutes(30)), 5000, 1800);
        fit[^1] ^= 0xFF;

        (await (await UploadAsync(patient, profile.Id, fit, FitType)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>()
            .ShouldBe("training-file.checksum-mismatch");
        (await (await UploadAsync(patient, profile.Id, Zip(("../../escape.gpx", Run(MondayUtc(1), 5))), "application/zip"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("training-file.archive-path-outside");
        (await (await UploadAsync(patient, profile.Id, "<gpx><trk>"u8.ToArray())).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("training-file.unreadable");
        (await (await UploadAsync(patient, profile.Id, [], FitType)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("training-file.unreadable");
        await (await UploadAsync(patient, profile.Id, Run(MondayUtc(1), 5), "application/json")).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await RunCountAsync(patient, profile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Upload_LargerThanTheGeneralBodyLimit_IsAccepted()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        // 6 000 points of GPX is about 600 KiB, over the 256 KiB every JSON body is held to.
        var file = Gpx(Track(MondayUtc(1), 20, TimeSpan.FromMinutes(110), points: 6000));
        file.Length.ShouldBeGreaterThan(256 * 1024);

        (await UploadedAsync(patient, profile.Id, file))["runsAdded"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task ListTrainingRuns_HugePageNumberOrSize_Returns400()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        await (await patient.GetAsync($"/api/patients/{profile.Id}/training-runs?page=2147483647")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await patient.GetAsync($"/api/patients/{profile.Id}/training-runs?pageSize=100000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/training-runs?page=100000"))!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteTrainingRun_OwnRun_TheWeekIsWorkedOutAgain_AnotherPatientGets404()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (stranger, strangerProfile) = await factory.NewPatientClientAsync();
        await UploadedAsync(patient, profile.Id, Zip(("a.gpx", Run(MondayUtc(1), 5)), ("b.gpx", Run(MondayUtc(1).AddDays(2), 7))), "application/zip");
        var run = (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/training-runs"))!["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>();

        await (await stranger.DeleteAsync($"/api/patients/{profile.Id}/training-runs/{run}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/patients/{strangerProfile.Id}/training-runs/{run}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await patient.DeleteAsync($"/api/patients/{profile.Id}/training-runs/{run}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var week = (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/running-load"))!["weeks"]!.AsArray().ShouldHaveSingleItem()!;
        Math.Round(week["distanceKm"]!.GetValue<decimal>()).ShouldBe(5m);
    }

    [Fact]
    public async Task ListTrainingRuns_ByAClinician_IsAudited()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        await UploadedAsync(patient, profile.Id, Run(MondayUtc(1), 5));

        (await (await scenario.ClinicianClientAsync(factory)).GetAsync($"/api/patients/{profile.Id}/training-runs")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={profile.Id}"))!["items"]!.AsArray();
        trail.Select(r => r!["action"]!.GetValue<string>()).ShouldContain("ListTrainingRuns");
        trail.Select(r => r!["action"]!.GetValue<string>()).ShouldContain("UploadTrainingFiles");
    }
}
