using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

public class AvailabilityTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static string Query(Guid typeId, DateTimeOffset from, DateTimeOffset to, Guid? clinicianId = null) =>
        $"/api/availability?appointmentTypeId={typeId}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}"
        + (clinicianId is { } id ? $"&clinicianId={id}" : "");

    private static async Task<List<DateTimeOffset>> StartsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(s => s!["start"]!.GetValue<DateTimeOffset>())];
    }

    [Fact]
    public async Task Availability_ForAFreeDay_OffersQuarterHoursFromOpeningToLastFit_InUtc()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var starts = await StartsAsync(patient, Query(scenario.FollowUpId, Local(7, 0), Local(8, 0), scenario.ClinicianId));

        starts.Count.ShouldBe(35); // 08:00 … 16:30 every 15 minutes
        starts[0].ShouldBe(Local(7, 8));
        starts[^1].ShouldBe(Local(7, 16, 30));
        starts[0].Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Availability_EverySlot_CarriesItsClinicianName()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var clinicians = (await patient.GetFromJsonAsync<JsonArray>("/api/clinicians"))!;
        var name = clinicians.Single(c => c!["id"]!.GetValue<Guid>() == scenario.ClinicianId)!["displayName"]!.GetValue<string>();

        var slots = (await patient.GetFromJsonAsync<JsonArray>(Query(scenario.FollowUpId, Local(7, 8), Local(7, 10))))!;

        slots.Where(s => s!["clinicianId"]!.GetValue<Guid>() == scenario.ClinicianId).ShouldNotBeEmpty();
        foreach (var slot in slots)
        {
            var expected = clinicians.Single(c => c!["id"]!.GetValue<Guid>() == slot!["clinicianId"]!.GetValue<Guid>())!["displayName"]!.GetValue<string>();
            slot!["clinicianName"]!.GetValue<string>().ShouldBe(expected);
        }

        name.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Availability_AfterABooking_LeavesOutOverlappingSlotsIncludingTheBuffer()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 10))))
            .StatusCode.ShouldBe(HttpStatusCode.Created); // 10:00–10:45, clinician free at 11:00

        var (other, _) = await factory.NewPatientClientAsync();
        var starts = await StartsAsync(other, Query(scenario.FollowUpId, Local(7, 9), Local(7, 12), scenario.ClinicianId));

        starts.ShouldBe([Local(7, 9), Local(7, 9, 15), Local(7, 9, 30), Local(7, 11), Local(7, 11, 15), Local(7, 11, 30), Local(7, 11, 45)]);
    }

    [Fact]
    public async Task Availability_AskedAgainRightAfterABookingAndACancellation_ShowsEachAtOnce()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        var window = Query(scenario.FollowUpId, Local(8, 9), Local(8, 10), scenario.ClinicianId);
        (await StartsAsync(other, window)).ShouldContain(Local(8, 9, 30)); // now held in the availability cache

        var booked = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 9, 30)));
        booked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StartsAsync(other, window)).ShouldBe([Local(8, 9)]);

        var id = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "FeelingBetter" })).IsSuccessStatusCode.ShouldBeTrue();
        (await StartsAsync(other, window)).ShouldContain(Local(8, 9, 30));
    }

    [Fact]
    public async Task Availability_AskedAgainRightAfterAReschedule_FreesTheOldTimeAndTakesTheNewAtOnce()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var window = Query(scenario.FollowUpId, Local(9, 9), Local(9, 10), scenario.ClinicianId);
        var nextDay = Query(scenario.FollowUpId, Local(10, 9), Local(10, 10), scenario.ClinicianId);
        var booked = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 9, 30)));
        booked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StartsAsync(scenario.Admin, window)).ShouldBe([Local(9, 9)]);
        (await StartsAsync(scenario.Admin, nextDay)).ShouldContain(Local(10, 9, 15));

        var id = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(10, 9, 15) })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await StartsAsync(scenario.Admin, window)).ShouldBe([Local(9, 9), Local(9, 9, 15), Local(9, 9, 30), Local(9, 9, 45)]);
        (await StartsAsync(scenario.Admin, nextDay)).ShouldBe([Local(10, 9, 45)]);
    }

    [Fact]
    public async Task Availability_AskedAgainRightAfterTimeOffIsAddedAndRemoved_ShowsEachAtOnce()
    {
        var scenario = await CreateAsync(factory);
        var window = Query(scenario.FollowUpId, Local(11, 9), Local(11, 10), scenario.ClinicianId);
        (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);

        var added = await scenario.Admin.PostAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/time-off", new { start = Local(11, 9), end = Local(11, 10) });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StartsAsync(scenario.Admin, window)).ShouldBeEmpty();

        var timeOffId = (await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await scenario.Admin.DeleteAsync($"/api/clinicians/{scenario.ClinicianId}/time-off/{timeOffId}")).IsSuccessStatusCode.ShouldBeTrue();
        (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Availability_AskedAgainRightAfterWorkingHoursChange_ShowsTheNewHoursAtOnce()
    {
        var scenario = await CreateAsync(factory);
        var window = Query(scenario.FollowUpId, Local(12, 0), Local(13, 0), scenario.ClinicianId);
        (await StartsAsync(scenario.Admin, window))[0].ShouldBe(Local(12, 8));

        var hours = Enum.GetValues<DayOfWeek>().Select(day => new { day = day.ToString(), start = "10:00", end = "12:00" });
        (await scenario.Admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", new { intervals = hours })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var starts = await StartsAsync(scenario.Admin, window);
        starts[0].ShouldBe(Local(12, 10));
        starts[^1].ShouldBe(Local(12, 11, 30));
    }

    [Fact]
    public async Task Availability_ForAPatient_StartsAfterTheMinimumNotice()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var starts = await StartsAsync(patient, Query(scenario.FollowUpId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(2), scenario.ClinicianId));

        starts.ShouldNotBeEmpty();
        starts.ShouldAllBe(s => s >= DateTimeOffset.UtcNow.AddHours(2).AddMinutes(-1));
    }

    [Fact]
    public async Task Availability_InTimeOff_IsEmpty()
    {
        var scenario = await CreateAsync(factory);
        (await scenario.Admin.PostAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/time-off", new { start = Local(9, 0), end = Local(10, 0) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await StartsAsync(scenario.Admin, Query(scenario.FollowUpId, Local(9, 0), Local(10, 0), scenario.ClinicianId))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Availability_OverMoreThan31Days_Returns400()
    {
        var scenario = await CreateAsync(factory);

        var problem = await (await scenario.Admin.GetAsync(Query(scenario.FollowUpId, Local(1, 0), Local(33, 0)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["to"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Availability_WithoutWindow_Returns400() =>
        await (await (await factory.AdminClientAsync()).GetAsync($"/api/availability?appointmentTypeId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Availability_OfAFrontDeskOnlyTypeForAPatient_Returns422()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        (await (await patient.GetAsync(Query(scenario.InjectionId, Local(7, 0), Local(8, 0)))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("appointment.type-not-bookable-online");
    }

    [Fact]
    public async Task Availability_OfUnknownType_Returns404() =>
        await (await (await factory.AdminClientAsync()).GetAsync(Query(Guid.NewGuid(), Local(7, 0), Local(8, 0)))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task Availability_WithoutToken_Returns401() =>
        await (await factory.CreateClient().GetAsync(Query(Guid.NewGuid(), Local(7, 0), Local(8, 0)))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
}
