using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Waitlist;

/// <summary>
/// One patient cannot hoard freed slots (docs/decisions/0044): no duplicate entries, a cap on open ones, a pause after
/// offers missed, and a slot a patient declined goes to the next patient, not to the same patient's other entry.
/// </summary>
public class WaitlistFairnessTests(WaitlistApiFactory factory, ITestOutputHelper output) : IClassFixture<WaitlistApiFactory>
{
    private static readonly TimeSpan HoldTime = TimeSpan.FromMinutes(15);

    private static string DayOf(DateTimeOffset slot) => DateOnly.FromDateTime(slot.DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string At(DateTimeOffset slot, int minutes = 0) =>
        TimeOnly.FromDateTime(slot.DateTime).AddMinutes(minutes).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An entry for the scenario's clinician on the slot's day, for starts from the slot to <paramref name="spanMinutes"/> after it.</summary>
    private static Task<HttpResponseMessage> JoinAsync(HttpClient patient, ClinicScenario scenario, DateTimeOffset slot, Guid? locationId = null, int spanMinutes = 5) =>
        patient.PostAsJsonAsync("/api/waitlist", new
        {
            appointmentTypeId = scenario.FollowUpId, mode = "InPerson", clinicianId = scenario.ClinicianId, locationId, from = DayOf(slot), to = DayOf(slot),
            ranges = new[] { new { from = At(slot), to = At(slot, spanMinutes) } },
        });

    private static async Task<Guid> BookAsync(HttpClient booker, ClinicScenario scenario, DateTimeOffset slot) =>
        (await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, slot))))["id"]!.GetValue<Guid>();

    [Fact]
    public async Task Join_TwentyFiveIdenticalEntries_CreatesOne_AndRefusesTheRestAsDuplicates()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var slot = Local(8, 10);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 25; i++)
        {
            answers.Add(await JoinAsync(patient, scenario, slot));
        }

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("waitlist.duplicate-entry");
        }

        var mine = await OkAsync(await patient.GetAsync("/api/waitlist?pageSize=100"));
        mine["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Join_BeyondFiveOpenEntries_Returns409TooManyEntries_AndAWithdrawalMakesRoom()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var entries = new List<JsonObject>();
        for (var day = 1; day <= 5; day++)
        {
            entries.Add(await CreatedAsync(await JoinAsync(patient, scenario, Local(day, 10))));
        }

        var refused = await (await JoinAsync(patient, scenario, Local(6, 10))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        refused["code"]!.GetValue<string>().ShouldBe("waitlist.too-many-entries");
        (await OkAsync(await patient.GetAsync("/api/waitlist?pageSize=100")))["totalCount"]!.GetValue<int>().ShouldBe(5);
        await OkAsync(await patient.PostAsync($"/api/waitlist/{entries[0]["id"]}/withdraw", null));
        (await JoinAsync(patient, scenario, Local(6, 10))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task DeclinedSlot_IsOfferedToTheNextPatientWithinOneHoldPeriod_NotToTheSamePatientsOtherEntry()
    {
        var scenario = await CreateAsync(factory);
        var slot = Local(9, 10);
        var (booker, _) = await factory.NewPatientClientAsync();
        var (first, _) = await factory.NewPatientClientAsync();
        var (second, _) = await factory.NewPatientClientAsync();
        var booked = await BookAsync(booker, scenario, slot);

        // Two entries of one patient that both match the slot (any location, and the main one), then another patient's.
        var anywhere = await CreatedAsync(await JoinAsync(first, scenario, slot));
        var atMain = await CreatedAsync(await JoinAsync(first, scenario, slot, MainLocationId));
        var secondEntry = await CreatedAsync(await JoinAsync(second, scenario, slot));
        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }));
        var firstOffer = await WaitlistTests.WaitForOfferAsync(first, anywhere);

        var declinedAt = Stopwatch.StartNew();
        await OkAsync(await first.PostAsync($"/api/waitlist/offers/{firstOffer["id"]}/decline", null));
        var secondOffer = await WaitlistTests.WaitForOfferAsync(second, secondEntry);
        declinedAt.Stop();

        output.WriteLine($"Declined slot offered to the second patient {declinedAt.Elapsed.TotalMilliseconds:0} ms after the decline (hold period {HoldTime}).");
        declinedAt.Elapsed.ShouldBeLessThan(HoldTime);
        secondOffer["start"]!.GetValue<DateTimeOffset>().ShouldBe(slot);
        (await OkAsync(await first.GetAsync($"/api/waitlist/{atMain["id"]}")))["offers"]!.AsArray().ShouldBeEmpty("the patient declined this slot once, through either entry");
    }

    [Fact]
    public async Task Entry_ThatDeclinesThreeOffers_IsPaused_OfferedNothing_AndWaitsAgainWhenChanged()
    {
        var scenario = await CreateAsync(factory);
        var slots = new[] { Local(10, 9), Local(10, 10), Local(10, 11), Local(10, 12) };
        var (booker, _) = await factory.NewPatientClientAsync();
        var (patient, _) = await factory.NewPatientClientAsync();
        var booked = new List<Guid>();
        foreach (var slot in slots)
        {
            booked.Add(await BookAsync(booker, scenario, slot));
        }

        var entry = await CreatedAsync(await JoinAsync(patient, scenario, slots[0], spanMinutes: 185));
        for (var i = 0; i < 3; i++)
        {
            await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked[i]}/cancel", new { reason = "Work" }));
            var offer = await WaitlistTests.WaitForOfferAsync(patient, entry);
            await OkAsync(await patient.PostAsync($"/api/waitlist/offers/{offer["id"]}/decline", null));
        }

        var paused = await OkAsync(await patient.GetAsync($"/api/waitlist/{entry["id"]}"));
        paused["status"]!.GetValue<string>().ShouldBe("Paused");
        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked[3]}/cancel", new { reason = "Work" }));
        await WaitlistTests.WaitUntilAsync(async () => (await booker.GetFromJsonAsync<JsonArray>(
            $"/api/availability?appointmentTypeId={scenario.FollowUpId}&clinicianId={scenario.ClinicianId}&from={Uri.EscapeDataString(slots[3].ToString("o"))}&to={Uri.EscapeDataString(slots[3].AddMinutes(5).ToString("o"))}"))!.Count == 1);
        (await OkAsync(await patient.GetAsync($"/api/waitlist/{entry["id"]}")))["offers"]!.AsArray().Count.ShouldBe(3, "a paused entry is offered nothing");

        var changed = await OkAsync(await patient.PutAsJsonAsync($"/api/waitlist/{entry["id"]}", new
        {
            appointmentTypeId = scenario.FollowUpId, mode = "InPerson", clinicianId = scenario.ClinicianId, from = DayOf(slots[0]), to = DayOf(slots[0]),
            ranges = new[] { new { from = At(slots[3]), to = At(slots[3], 5) } },
        }));

        changed["status"]!.GetValue<string>().ShouldBe("Waiting");
    }
}
