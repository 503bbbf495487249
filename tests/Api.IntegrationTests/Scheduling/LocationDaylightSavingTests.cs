using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>A Brisbane clinic (no daylight saving) with a location across the border on New South Wales time (daylight saving).</summary>
public class LocationDaylightSavingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task DaySheetAndAvailability_AtALocationInAnotherZone_FollowItsDaylightSaving()
    {
        var admin = await factory.AdminClientAsync();
        var tweed = await LocationTests.OpenAsync(admin, LocationTests.NewLocation() with { timeZone = "Australia/Sydney" });
        var scenario = await CreateAsync(factory, tweed);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        // Sydney leaves daylight saving (UTC+11 → UTC+10) at 03:00 on Sunday 4 April 2027; Brisbane stays at UTC+10.
        var saturday = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date=2027-04-03&clinicianId={scenario.ClinicianId}&locationId={tweed}"));
        var sunday = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date=2027-04-04&clinicianId={scenario.ClinicianId}&locationId={tweed}"));

        saturday["timeZone"]!.GetValue<string>().ShouldBe("Australia/Sydney");
        StartOfWork(saturday).ShouldBe(new DateTimeOffset(2027, 4, 3, 8, 0, 0, TimeSpan.FromHours(11)));
        StartOfWork(sunday).ShouldBe(new DateTimeOffset(2027, 4, 4, 8, 0, 0, TimeSpan.FromHours(10)));

        // The clinic-wide sheet is on Brisbane's clock: the same instant, 07:00 there on the Saturday.
        var clinicSaturday = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date=2027-04-03&clinicianId={scenario.ClinicianId}"));
        clinicSaturday["timeZone"]!.GetValue<string>().ShouldBe("Australia/Brisbane");
        StartOfWork(clinicSaturday).ShouldBe(new DateTimeOffset(2027, 4, 3, 7, 0, 0, TimeSpan.FromHours(10)));

        var from = Uri.EscapeDataString(new DateTimeOffset(2027, 4, 3, 0, 0, 0, TimeSpan.FromHours(11)).ToString("O"));
        var to = Uri.EscapeDataString(new DateTimeOffset(2027, 4, 5, 0, 0, 0, TimeSpan.FromHours(10)).ToString("O"));
        var slots = (await frontDesk.GetFromJsonAsync<JsonArray>(
            $"/api/availability?appointmentTypeId={scenario.FollowUpId}&from={from}&to={to}&clinicianId={scenario.ClinicianId}&locationId={tweed}"))!;
        var firstEachDay = slots.Select(s => s!["start"]!.GetValue<DateTimeOffset>()).GroupBy(s => s.UtcDateTime.AddHours(12).Date).Select(g => g.Min()).ToList();
        firstEachDay.ShouldBe([new DateTimeOffset(2027, 4, 3, 8, 0, 0, TimeSpan.FromHours(11)), new DateTimeOffset(2027, 4, 4, 8, 0, 0, TimeSpan.FromHours(10))]);
        slots.ShouldAllBe(s => s!["locationId"]!.GetValue<Guid>() == tweed);
    }

    [Fact]
    public async Task ByClinicianDay_AtALocationInAnotherZoneAcrossItsDaylightSavingChange_GroupsByThatLocationsDays()
    {
        var admin = await factory.AdminClientAsync();
        var tweed = await LocationTests.OpenAsync(admin, LocationTests.NewLocation() with { timeZone = "Australia/Sydney" });
        var scenario = await CreateAsync(factory, tweed);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (_, patient) = await factory.NewPatientClientAsync();

        // Sydney leaves daylight saving at 03:00 on Sunday 4 April 2027; Brisbane, the clinic's clock, has none. A booking cuts Sunday in two.
        await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments",
            Booking(scenario.ClinicianId, scenario.FollowUpId, new DateTimeOffset(2027, 4, 4, 12, 0, 0, TimeSpan.FromHours(10)), patientId: patient.Id)));
        var parameters = AvailabilityAnswers.Parameters(
            scenario.FollowUpId, new DateTimeOffset(2027, 4, 3, 0, 0, 0, TimeSpan.FromHours(11)), new DateTimeOffset(2027, 4, 5, 0, 0, 0, TimeSpan.FromHours(10)),
            scenario.ClinicianId);

        var (full, groups, ungrouped) = await AvailabilityAnswers.BothAsync(frontDesk, parameters);

        AvailabilityAnswers.ShouldHoldTheSameSlots(full, groups, ungrouped, scenario.FollowUpId);
        groups.Select(g => g!["day"]!.GetValue<string>()).ShouldBe(["2027-04-03", "2027-04-04"]);
        groups.ShouldAllBe(g => g!["locationId"]!.GetValue<Guid>() == tweed && g["durationMinutes"]!.GetValue<int>() == 30);
        groups.Select(g => g!["starts"]![0]!.GetValue<DateTimeOffset>())
            .ShouldBe([new DateTimeOffset(2027, 4, 3, 8, 0, 0, TimeSpan.FromHours(11)), new DateTimeOffset(2027, 4, 4, 8, 0, 0, TimeSpan.FromHours(10))]);
        groups[1]!["starts"]!.AsArray().Select(s => s!.GetValue<DateTimeOffset>())
            .ShouldNotContain(s => s > new DateTimeOffset(2027, 4, 4, 11, 30, 0, TimeSpan.FromHours(10)) && s < new DateTimeOffset(2027, 4, 4, 12, 30, 0, TimeSpan.FromHours(10)));
    }

    private static DateTimeOffset StartOfWork(JsonObject sheet) =>
        sheet["clinicians"]!.AsArray().ShouldHaveSingleItem()!["working"]!.AsArray()[0]!["start"]!.GetValue<DateTimeOffset>();
}
