using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>Clinic settings, appointment types, clinicians' working hours and time off.</summary>
public class ClinicSetupTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static object Settings(string zone = "Australia/Brisbane", int noticeMinutes = 120) => new
    {
        timeZone = zone, minimumNoticeForPatientsMinutes = noticeMinutes, bookingHorizonMinutes = 90 * 24 * 60, lateCancellationWindowMinutes = 24 * 60,
        telehealthOpensBeforeStartMinutes = 15, telehealthClosesAfterEndMinutes = 30, slotIntervalMinutes = 15,
    };

    /// <summary>The settings in the time span form the first release of v1 used, deprecated until its sunset.</summary>
    private static object FormerSettings(string notice) => new
    {
        timeZone = "Australia/Brisbane", minimumNoticeForPatients = notice, bookingHorizon = "90.00:00:00", lateCancellationWindow = "1.00:00:00",
        telehealthOpensBeforeStart = "00:15:00", telehealthClosesAfterEnd = "00:30:00", slotInterval = "00:15:00",
    };

    [Fact]
    public async Task GetSettings_AsPatient_ReturnsTheDefaultsWithAnETag()
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        var response = await patient.GetAsync("/api/clinic/settings");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        var settings = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        settings["timeZone"]!.GetValue<string>().ShouldBe("Australia/Brisbane");
        settings["bookingHorizonMinutes"]!.GetValue<int>().ShouldBe(90 * 24 * 60);
        settings["slotIntervalMinutes"]!.GetValue<int>().ShouldBe(15);
        settings["bookingHorizon"]!.GetValue<string>().ShouldBe("90.00:00:00");
    }

    [Fact]
    public async Task UpdateSettings_InTheDeprecatedTimeSpanForm_IsStillAccepted()
    {
        var admin = await factory.AdminClientAsync();

        var changed = await ApiClientExtensions.OkAsync(await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", FormerSettings(notice: "05:00:00")));

        changed["minimumNoticeForPatientsMinutes"]!.GetValue<int>().ShouldBe(300);
        changed["minimumNoticeForPatients"]!.GetValue<string>().ShouldBe("05:00:00");
        (await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", Settings())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateSettings_BothFormsDisagreeing_Returns400NamingTheMinutesMember()
    {
        var admin = await factory.AdminClientAsync();
        var settings = await ApiClientExtensions.OkAsync(await admin.GetAsync("/api/clinic/settings"));
        settings["slotIntervalMinutes"] = 30;

        var problem = await (await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", settings)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["slotIntervalMinutes"]);
    }

    [Fact]
    public async Task UpdateSettings_WithoutADuration_Returns400NamingIt()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", new { timeZone = "Australia/Brisbane", slotIntervalMinutes = 15 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain("bookingHorizonMinutes");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldNotContain("slotIntervalMinutes");
    }

    [Fact]
    public async Task UpdateSettings_WithCurrentETag_Succeeds_AndAStaleOneGets412()
    {
        var admin = await factory.AdminClientAsync();
        var etag = (await admin.GetAsync("/api/clinic/settings")).Headers.ETag!;

        var first = new HttpRequestMessage(HttpMethod.Put, "/api/clinic/settings") { Content = JsonContent.Create(Settings(noticeMinutes: 180)) };
        first.Headers.IfMatch.Add(etag);
        (await admin.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/clinic/settings") { Content = JsonContent.Create(Settings(noticeMinutes: 240)) };
        stale.Headers.IfMatch.Add(etag);
        await (await admin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var now = (await admin.GetFromJsonAsync<JsonObject>("/api/clinic/settings"))!;
        now["minimumNoticeForPatientsMinutes"]!.GetValue<int>().ShouldBe(180);
        (await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", Settings())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateSettings_WithUnknownTimeZone_Returns422()
    {
        var problem = await (await (await factory.AdminClientAsync()).PutAnyVersionAsJsonAsync("/api/clinic/settings", Settings(zone: "Mars/Base")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("clinic.time-zone-unknown");
    }

    [Fact]
    public async Task UpdateSettings_AsFrontDesk_Returns403()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        await (await frontDesk.PutAnyVersionAsJsonAsync("/api/clinic/settings", Settings())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListTypes_PatientsSeeOnlyOnlineBookableTypes_StaffSeeAll()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var patientView = (await patient.GetFromJsonAsync<JsonArray>("/api/appointment-types"))!.Select(t => t!["id"]!.GetValue<Guid>()).ToList();
        var staffView = (await scenario.Admin.GetFromJsonAsync<JsonArray>("/api/appointment-types"))!.Select(t => t!["id"]!.GetValue<Guid>()).ToList();

        patientView.ShouldContain(scenario.FollowUpId);
        patientView.ShouldNotContain(scenario.InjectionId);
        staffView.ShouldContain(scenario.InjectionId);
    }

    [Fact]
    public async Task CreateType_WithDurationOffTheGrid_Returns422_AndAsPatient403()
    {
        var admin = await factory.AdminClientAsync();
        var type = new { name = "Odd", durationMinutes = 47, bufferAfterMinutes = 0, mode = "InPerson", bookableOnline = true };

        (await (await admin.PostAsJsonAsync("/api/appointment-types", type)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("appointment-type.length-invalid");
        await (await (await factory.NewPatientClientAsync()).Client.PostAsJsonAsync("/api/appointment-types", type)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateType_WithTakenName_Returns409()
    {
        var admin = await factory.AdminClientAsync();
        var type = new { name = $"Gait analysis {Guid.NewGuid():N}", durationMinutes = 60, bufferAfterMinutes = 0, mode = "InPerson", bookableOnline = true };
        (await admin.PostAsJsonAsync("/api/appointment-types", type)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync("/api/appointment-types", type)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UpdateType_Deactivated_DisappearsForPatients()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var update = new { name = $"Follow-up retired {Guid.NewGuid():N}", durationMinutes = 30, bufferAfterMinutes = 0, mode = "Either", bookableOnline = true, isActive = false };

        (await scenario.Admin.PutAsJsonAsync($"/api/appointment-types/{scenario.FollowUpId}", update)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (patient, _) = await factory.NewPatientClientAsync();
        (await patient.GetFromJsonAsync<JsonArray>("/api/appointment-types"))!.Select(t => t!["id"]!.GetValue<Guid>()).ShouldNotContain(scenario.FollowUpId);
        await (await scenario.Admin.PutAsJsonAsync($"/api/appointment-types/{Guid.NewGuid()}", update)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WorkingHours_TheClinicianSetsTheirOwn_ButNotAnothers()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var week = new { intervals = new[] { new { day = "Monday", start = "08:00", end = "12:30" }, new { day = "Monday", start = "13:30", end = "17:00" } } };

        var own = await clinician.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", week);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadFromJsonAsync<JsonObject>())!["intervals"]!.AsArray().Count.ShouldBe(2);

        await (await clinician.PutAnyVersionAsJsonAsync($"/api/clinicians/{otherClinicianId}/working-hours", week)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        await (await frontDesk.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", week)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/clinicians/{scenario.ClinicianId}/working-hours"))!["intervals"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task WorkingHours_Overlapping_Returns422_AndStaleIfMatch412()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var overlapping = new { intervals = new[] { new { day = "Monday", start = "08:00", end = "12:30" }, new { day = "Monday", start = "12:00", end = "17:00" } } };

        await (await scenario.Admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", overlapping))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/clinicians/{scenario.ClinicianId}/working-hours")
        {
            Content = JsonContent.Create(new { intervals = Array.Empty<object>() }),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{Guid.NewGuid()}\""));
        await (await scenario.Admin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task WorkingHours_OfUnknownClinician_Returns404() =>
        await (await (await factory.AdminClientAsync()).PutAnyVersionAsJsonAsync($"/api/clinicians/{Guid.NewGuid()}/working-hours", new { intervals = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task ListClinicians_AsPatient_ShowsBookableClinicians()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var clinicians = (await patient.GetFromJsonAsync<JsonArray>("/api/clinicians"))!;

        clinicians.Select(c => c!["id"]!.GetValue<Guid>()).ShouldContain(scenario.ClinicianId);
        clinicians.First(c => c!["id"]!.GetValue<Guid>() == scenario.ClinicianId)!["profession"]!.GetValue<string>().ShouldBe("Physiotherapist");
    }

    [Fact]
    public async Task TimeOff_AddListRemove_AndRefusedOverBookedAppointments()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var path = $"/api/clinicians/{scenario.ClinicianId}/time-off";

        var added = await scenario.Admin.PostAsJsonAsync(path, new { start = ClinicScenario.Local(20, 0), end = ClinicScenario.Local(22, 0), reason = "Conference" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        (await frontDesk.GetFromJsonAsync<JsonArray>(path))!.Select(t => t!["id"]!.GetValue<Guid>()).ShouldContain(id);

        var (patient, _) = await factory.NewPatientClientAsync();
        (await patient.PostAsJsonAsync("/api/appointments", ClinicScenario.Booking(scenario.ClinicianId, scenario.FollowUpId, ClinicScenario.Local(10, 9))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var clash = await scenario.Admin.PostAsJsonAsync(path, new { start = ClinicScenario.Local(10, 0), end = ClinicScenario.Local(11, 0), reason = "Leave" });
        (await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict))["bookedAppointments"]!.GetValue<int>().ShouldBe(1);

        (await scenario.Admin.DeleteAsync($"{path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await scenario.Admin.DeleteAsync($"{path}/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await patient.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
