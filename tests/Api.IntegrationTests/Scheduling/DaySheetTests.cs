using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

public class DaySheetTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static string Date(DateTimeOffset local) => DateOnly.FromDateTime(local.DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task DaySheet_ForAClinicLocalDate_ListsAppointmentsInOrderWithAlertsTimeOffAndFreeGaps()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var patient = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Mia", familyName = "Harris" + Guid.NewGuid().ToString("N")[..6], dateOfBirth = "1979-05-05", sex = "Female", phone = "0428 909 101",
            alerts = new { allergy = true, mobilityAid = false, interpreterNeeded = false, note = "Latex allergy" },
        }));
        var patientId = patient["id"]!.GetValue<Guid>();
        await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 14), patientId: patientId)));
        await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(8, 9), patientId: patientId)));
        await ApiClientExtensions.CreatedAsync(await scenario.Admin.PostAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/time-off", new { start = Local(8, 12), end = Local(8, 13), reason = "Lunch meeting" }));

        var sheet = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date={Date(Local(8, 0))}&clinicianId={scenario.ClinicianId}"));

        var day = sheet["clinicians"]!.AsArray().ShouldHaveSingleItem()!;
        day["working"]!.AsArray().Select(w => w!["start"]!.GetValue<DateTimeOffset>()).ShouldBe([Local(8, 8)]);
        var appointments = day["appointments"]!.AsArray();
        appointments.Select(a => a!["start"]!.GetValue<DateTimeOffset>()).ShouldBe([Local(8, 9), Local(8, 14)]);
        appointments[0]!["patientName"]!.GetValue<string>().ShouldStartWith("Mia Harris");
        appointments[0]!["alerts"]!["note"]!.GetValue<string>().ShouldBe("Latex allergy");
        day["timeOff"]!.AsArray().ShouldHaveSingleItem();

        // 08:00–09:00, then after the 45-minute assessment and its 15-minute buffer until the time off, then after it until the follow-up, then the rest of the day.
        day["free"]!.AsArray().Select(f => (f!["start"]!.GetValue<DateTimeOffset>(), f["end"]!.GetValue<DateTimeOffset>())).ShouldBe([
            (Local(8, 8), Local(8, 9)), (Local(8, 10), Local(8, 12)), (Local(8, 13), Local(8, 14)), (Local(8, 14, 30), Local(8, 17)),
        ]);
    }

    [Fact]
    public async Task DaySheet_ReadByStaff_ShowsInTheAuditTrail()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        (await frontDesk.GetAsync($"/api/diary?date={Date(Local(9, 0))}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = (await scenario.Admin.GetFromJsonAsync<JsonObject>("/api/audit?pageSize=200"))!["items"]!.AsArray();
        audit.ShouldContain(r => r!["action"]!.GetValue<string>() == "GetDaySheet" && r["resourceType"]!.GetValue<string>() == "Diary");
    }

    [Fact]
    public async Task DaySheet_ReadByStaff_ShowsInTheListedPatientsAccessLog()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patientClient, patient) = await factory.NewPatientClientAsync();
        await ApiClientExtensions.CreatedAsync(
            await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(10, 11), patientId: patient.Id)));

        (await frontDesk.GetAsync($"/api/diary?date={Date(Local(10, 0))}&clinicianId={scenario.ClinicianId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = (await patientClient.GetFromJsonAsync<JsonArray>("/api/patients/me/access-log"))!;
        log.Where(e => e!["action"]!.GetValue<string>() == "GetDaySheet").ShouldHaveSingleItem()!["staffName"]!.GetValue<string>().ShouldBe("Riley Brooks");
    }

    [Fact]
    public async Task DaySheet_AsPatient_Returns403() =>
        await (await (await factory.NewPatientClientAsync()).Client.GetAsync("/api/diary?date=2026-12-01")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

    [Theory]
    [InlineData("date=yesterday")]
    [InlineData("")]
    [InlineData("date=2026-12-01&days=8")]
    public async Task DaySheet_WithBadQuery_Returns400(string query)
    {
        var scenario = await CreateAsync(factory);
        await (await (await scenario.FrontDeskAsync(factory)).GetAsync($"/api/diary?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DaySheet_ClinicianWeek_OwnIsAllowed_AnotherClinicians403()
    {
        var scenario = await CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var (otherId, _) = await scenario.AddClinicianAsync();

        var week = await ApiClientExtensions.OkAsync(await clinician.GetAsync($"/api/diary?date={Date(Local(1, 0))}&clinicianId={scenario.ClinicianId}&days=7"));
        week["clinicians"]!.AsArray().Count.ShouldBe(7);

        await (await clinician.GetAsync($"/api/diary?date={Date(Local(1, 0))}&clinicianId={otherId}&days=7")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DaySheet_UnknownClinician_Returns404()
    {
        var scenario = await CreateAsync(factory);
        await (await (await scenario.FrontDeskAsync(factory)).GetAsync($"/api/diary?date=2026-12-01&clinicianId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>A clinic in a zone with daylight saving: its own database, so the time-zone change touches no other test.</summary>
public class DaySheetDaylightSavingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task DaySheet_AcrossTheEndOfDaylightSaving_KeepsWorkingHoursAtLocalEightOClock()
    {
        var scenario = await CreateAsync(factory);
        var settings = (await scenario.Admin.GetFromJsonAsync<JsonObject>("/api/clinic/settings"))!;
        settings["timeZone"] = "Australia/Sydney";
        await ApiClientExtensions.OkAsync(await scenario.Admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", settings));
        var frontDesk = await scenario.FrontDeskAsync(factory);

        // Sydney leaves daylight saving (UTC+11 → UTC+10) at 03:00 on Sunday 4 April 2027.
        var saturday = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date=2027-04-03&clinicianId={scenario.ClinicianId}"));
        var sunday = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date=2027-04-04&clinicianId={scenario.ClinicianId}"));

        StartOfWork(saturday).ShouldBe(new DateTimeOffset(2027, 4, 3, 8, 0, 0, TimeSpan.FromHours(11)));
        StartOfWork(sunday).ShouldBe(new DateTimeOffset(2027, 4, 4, 8, 0, 0, TimeSpan.FromHours(10)));
    }

    private static DateTimeOffset StartOfWork(JsonObject sheet) =>
        sheet["clinicians"]!.AsArray().ShouldHaveSingleItem()!["working"]!.AsArray()[0]!["start"]!.GetValue<DateTimeOffset>();
}
