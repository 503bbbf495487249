using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Scheduling;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Waitlist;

/// <summary>
/// Waitlist entries at a location, through HTTP: a clinic with a Brisbane location (the clinic's clock) and a Perth one
/// (two hours behind). The clinic gets more locations as the tests run, so every working-hours interval names its location.
/// </summary>
public class WaitlistLocationTests(WaitlistApiFactory factory) : IClassFixture<WaitlistApiFactory>
{
    private static readonly TimeSpan PerthOffset = TimeSpan.FromHours(8);

    [Fact]
    public async Task FreedSlot_AtOneLocation_IsNeverOfferedToAnEntryForAnother_AndIsWordedOnItsClock()
    {
        var admin = await factory.AdminClientAsync();
        var perthBody = LocationTests.NewLocation();
        var perth = await LocationTests.OpenAsync(admin, perthBody);
        var scenario = await CreateAsync(factory, MainLocationId);
        var everyDay = Enum.GetValues<DayOfWeek>();

        // Mornings in Brisbane; afternoons in Perth, 13:00–17:00 there (15:00–19:00 in Brisbane).
        await OkAsync(await admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours",
            LocationTests.Hours([.. everyDay.Select(d => (d, 8, 12, MainLocationId)), .. everyDay.Select(d => (d, 13, 17, perth))])));
        var (booker, _) = await factory.NewPatientClientAsync();
        var (waitingInPerth, _) = await factory.NewPatientClientAsync();
        var (waitingInBrisbane, _) = await factory.NewPatientClientAsync();
        var brisbaneSlot = Local(3, 10);
        var perthSlot = Local(3, 16);
        var brisbaneBooking = (await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, brisbaneSlot))))["id"];
        var perthBooking = await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, perthSlot)));
        perthBooking["locationId"]!.GetValue<Guid>().ShouldBe(perth);

        // The older entry is for Perth, and its times (08:00 and 14:00 in Perth) would take the Brisbane slot were its location
        // ignored. Each range holds one start, so only the freed slots can match (other tests' clinicians share the database).
        var perthEntry = await JoinAsync(waitingInPerth, scenario, perth, Day(3, PerthOffset), ("08:00", "08:05"), ("14:00", "14:05"));
        perthEntry["locationId"]!.GetValue<Guid>().ShouldBe(perth);
        var brisbaneEntry = await JoinAsync(waitingInBrisbane, scenario, MainLocationId, Day(3, BrisbaneOffset), ("10:00", "10:05"));

        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{brisbaneBooking}/cancel", new { reason = "Work" }));
        var brisbaneOffer = await WaitlistTests.WaitForOfferAsync(waitingInBrisbane, brisbaneEntry);
        brisbaneOffer["start"]!.GetValue<DateTimeOffset>().ShouldBe(brisbaneSlot);
        brisbaneOffer["locationId"]!.GetValue<Guid>().ShouldBe(MainLocationId);
        (await OkAsync(await waitingInPerth.GetAsync($"/api/waitlist/{perthEntry["id"]}")))["offers"]!.AsArray().ShouldBeEmpty("a slot freed in Brisbane is not offered for Perth");

        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{perthBooking["id"]}/cancel", new { reason = "Work" }));
        var perthOffer = await WaitlistTests.WaitForOfferAsync(waitingInPerth, perthEntry);
        perthOffer["start"]!.GetValue<DateTimeOffset>().ShouldBe(perthSlot);
        perthOffer["locationId"]!.GetValue<Guid>().ShouldBe(perth);

        // The notice speaks Perth's clock and names the place.
        var perthOfferId = perthOffer["id"]!.GetValue<Guid>();
        await WaitlistTests.WaitUntilAsync(() => factory.Notifications.Offers.Any(n => n.WaitlistOfferId == perthOfferId));
        var notice = factory.Notifications.Offers.Single(n => n.WaitlistOfferId == perthOfferId);
        notice.LocalStart.ShouldBe(perthSlot);
        notice.LocalStart.Offset.ShouldBe(PerthOffset);
        notice.LocalStart.Hour.ShouldBe(14);
        notice.LocationName.ShouldBe(perthBody.name);

        // Staff see the waitlist by location.
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var listed = await OkAsync(await frontDesk.GetAsync($"/api/waitlist?appointmentTypeId={scenario.FollowUpId}&locationId={perth}"));
        listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([perthEntry["id"]!.GetValue<Guid>()]);

        var appointment = await CreatedAsync(await waitingInPerth.PostAsync($"/api/waitlist/offers/{perthOfferId}/accept", null));
        appointment["locationId"]!.GetValue<Guid>().ShouldBe(perth);
    }

    [Fact]
    public async Task JoinOrChange_AtALocationThatCannotTakeTheBooking_IsRefused_AndNothingIsWritten()
    {
        var admin = await factory.AdminClientAsync();
        var closed = await LocationTests.OpenAsync(admin, LocationTests.NewLocation() with { timeZone = null });
        await OkAsync(await admin.PostAsync($"/api/locations/{closed}/deactivate", null));
        var other = await LocationTests.OpenAsync(admin, LocationTests.NewLocation());
        var scenario = await CreateAsync(factory, MainLocationId);
        await OkAsync(await admin.PutAsJsonAsync($"/api/appointment-types/{scenario.InjectionId}", new
        {
            name = $"Injection {Guid.NewGuid():N}", durationMinutes = 30, bufferAfterMinutes = 15, mode = "InPerson", bookableOnline = false, locationIds = new[] { MainLocationId },
        }));
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        object Entry(Guid typeId, string mode, Guid? locationId) => new { patientId = profile.Id, appointmentTypeId = typeId, mode, locationId, from = Day(2, BrisbaneOffset), to = Day(9, BrisbaneOffset) };

        (await (await frontDesk.PostAsJsonAsync("/api/waitlist", Entry(scenario.TelehealthReviewId, "Telehealth", MainLocationId)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.location-for-telehealth");
        (await (await frontDesk.PostAsJsonAsync("/api/waitlist", Entry(scenario.InjectionId, "InPerson", other)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.type-not-offered-at-location");
        (await (await frontDesk.PostAsJsonAsync("/api/waitlist", Entry(scenario.FollowUpId, "InPerson", closed)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.location-closed");
        await (await frontDesk.PostAsJsonAsync("/api/waitlist", Entry(scenario.FollowUpId, "InPerson", Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await frontDesk.PostAsJsonAsync("/api/waitlist", Entry(scenario.FollowUpId, "InPerson", Guid.Empty))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await OkAsync(await patient.GetAsync("/api/waitlist")))["totalCount"]!.GetValue<int>().ShouldBe(0);

        // Any location, then changed to one: the change is checked the same way, and a refused change keeps the entry as it was.
        var entry = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/waitlist", Entry(scenario.FollowUpId, "InPerson", null)));
        entry["locationId"].ShouldBeNull();
        var refused = await patient.PutAsJsonAsync($"/api/waitlist/{entry["id"]}", new
        {
            appointmentTypeId = scenario.FollowUpId, mode = "InPerson", locationId = closed, from = Day(2, BrisbaneOffset), to = Day(9, BrisbaneOffset),
        });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.location-closed");
        var changed = await OkAsync(await patient.PutAsJsonAsync($"/api/waitlist/{entry["id"]}", new
        {
            appointmentTypeId = scenario.FollowUpId, mode = "InPerson", locationId = other, from = Day(2, PerthOffset), to = Day(9, PerthOffset),
        }));
        changed["locationId"]!.GetValue<Guid>().ShouldBe(other);
        changed["version"]!.GetValue<int>().ShouldBe(entry["version"]!.GetValue<int>() + 1);
    }

    /// <summary>The local date <paramref name="daysAhead"/> days from today on a clock <paramref name="offset"/> from UTC.</summary>
    private static string Day(int daysAhead, TimeSpan offset) =>
        DateOnly.FromDateTime(Local(daysAhead, 12).ToOffset(offset).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonObject> JoinAsync(HttpClient patient, ClinicScenario scenario, Guid locationId, string day, params (string From, string To)[] ranges) =>
        await CreatedAsync(await patient.PostAsJsonAsync("/api/waitlist", new
        {
            appointmentTypeId = scenario.FollowUpId, mode = "InPerson", clinicianId = scenario.ClinicianId, locationId, from = day, to = day,
            ranges = ranges.Select(r => new { from = r.From, to = r.To }),
        }));
}
