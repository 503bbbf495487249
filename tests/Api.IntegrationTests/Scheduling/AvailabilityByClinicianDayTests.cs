using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>A free slot as both availability answers can say it.</summary>
internal sealed record SlotSeen(Guid ClinicianId, string ClinicianName, DateTimeOffset Start, DateTimeOffset End, Guid? LocationId);

/// <summary>Both availability answers to one question, read as slots.</summary>
internal static class AvailabilityAnswers
{
    public static string Parameters(Guid typeId, DateTimeOffset from, DateTimeOffset to, Guid? clinicianId = null) =>
        $"appointmentTypeId={typeId}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}"
        + (clinicianId is { } id ? $"&clinicianId={id}" : "");

    /// <summary>The slot-by-slot answer's slots, and the by-clinician-day answer's groups with their slots ungrouped.</summary>
    public static async Task<(List<SlotSeen> Full, JsonArray Groups, List<SlotSeen> Ungrouped)> BothAsync(HttpClient caller, string parameters)
    {
        var full = await ArrayAsync(caller, $"/api/availability?{parameters}");
        var groups = await ArrayAsync(caller, $"/api/availability/by-clinician-day?{parameters}");
        var slots = full.Select(s => new SlotSeen(
            s!["clinicianId"]!.GetValue<Guid>(), s["clinicianName"]!.GetValue<string>(), s["start"]!.GetValue<DateTimeOffset>(),
            s["end"]!.GetValue<DateTimeOffset>(), s["locationId"]?.GetValue<Guid>())).ToList();
        var ungrouped = groups.SelectMany(g => g!["starts"]!.AsArray(), (g, start) => new SlotSeen(
            g!["clinicianId"]!.GetValue<Guid>(), g["clinicianName"]!.GetValue<string>(), start!.GetValue<DateTimeOffset>(),
            start.GetValue<DateTimeOffset>().AddMinutes(g["durationMinutes"]!.GetValue<int>()), g["locationId"]?.GetValue<Guid>())).ToList();
        return (slots, groups, ungrouped);
    }

    /// <summary>The grouped answer holds exactly the full answer's slots, once each, in groups that never repeat.</summary>
    public static void ShouldHoldTheSameSlots(List<SlotSeen> full, JsonArray groups, List<SlotSeen> ungrouped, Guid typeId)
    {
        ungrouped.Count.ShouldBe(full.Count);
        ungrouped.ShouldBe(full, ignoreOrder: true);
        groups.Select(g => g!["appointmentTypeId"]!.GetValue<Guid>()).ShouldAllBe(t => t == typeId);
        groups.Select(g => (g!["clinicianId"]!.GetValue<Guid>(), g["locationId"]?.GetValue<Guid>(), g["day"]!.GetValue<string>(), g["durationMinutes"]!.GetValue<int>()))
            .ShouldBeUnique();
        foreach (var starts in groups.Select(g => g!["starts"]!.AsArray().Select(s => s!.GetValue<DateTimeOffset>()).ToList()))
        {
            starts.ShouldNotBeEmpty();
            starts.ShouldBe([.. starts.Order()]);
        }
    }

    private static async Task<JsonArray> ArrayAsync(HttpClient caller, string query)
    {
        var response = await caller.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}

/// <summary>The answer by clinician and day (a location in another zone: LocationDaylightSavingTests; a held slot: WaitlistTests).</summary>
public class AvailabilityByClinicianDayTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task ByClinicianDay_ForAPatientWithOwnBookingsAndForStaff_HoldsExactlyTheFullAnswersSlots()
    {
        var scenario = await CreateAsync(factory);
        await scenario.AddClinicianAsync();
        var (patient, _) = await factory.NewPatientClientAsync();
        await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(2, 10))));
        var parameters = AvailabilityAnswers.Parameters(scenario.FollowUpId, Local(1, 0), Local(15, 0));

        foreach (var caller in new[] { patient, scenario.Admin })
        {
            var (full, groups, ungrouped) = await AvailabilityAnswers.BothAsync(caller, parameters);

            full.Count.ShouldBeGreaterThan(14 * 35);
            AvailabilityAnswers.ShouldHoldTheSameSlots(full, groups, ungrouped, scenario.FollowUpId);
        }

        var (forPatient, _, _) = await AvailabilityAnswers.BothAsync(patient, parameters);
        forPatient.ShouldNotContain(s => s.Start < Local(2, 10, 30) && s.Start.AddMinutes(30) > Local(2, 10), "the patient is booked then, with every clinician");
    }

    [Fact]
    public async Task ByClinicianDay_WithABadWindow_IsRefusedAsTheFullAnswerIs()
    {
        var scenario = await CreateAsync(factory);
        var tooLong = AvailabilityAnswers.Parameters(scenario.FollowUpId, Local(1, 0), Local(33, 0));
        var reversed = AvailabilityAnswers.Parameters(scenario.FollowUpId, Local(2, 0), Local(1, 0));

        foreach (var parameters in new[] { tooLong, reversed })
        {
            var problem = await (await scenario.Admin.GetAsync($"/api/availability/by-clinician-day?{parameters}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem["errors"]!["to"].ShouldNotBeNull();
        }

        await (await scenario.Admin.GetAsync($"/api/availability/by-clinician-day?appointmentTypeId={scenario.FollowUpId}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await scenario.Admin.GetAsync($"/api/availability/by-clinician-day?{AvailabilityAnswers.Parameters(Guid.NewGuid(), Local(1, 0), Local(2, 0))}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ByClinicianDay_OfAFrontDeskOnlyTypeForAPatient_Returns422_AndAnonymously401()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var parameters = AvailabilityAnswers.Parameters(scenario.InjectionId, Local(7, 0), Local(8, 0));

        var refused = await (await patient.GetAsync($"/api/availability/by-clinician-day?{parameters}")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var full = await (await patient.GetAsync($"/api/availability?{parameters}")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        refused["code"]!.GetValue<string>().ShouldBe(full["code"]!.GetValue<string>());
        (await factory.CreateClient().GetAsync($"/api/availability/by-clinician-day?{parameters}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
