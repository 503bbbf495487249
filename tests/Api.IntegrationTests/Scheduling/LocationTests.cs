using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>
/// Locations through HTTP: administration, roles, bad input, deactivation, and booking where the clinician works. The
/// clinic gets more locations as the tests run, so every working-hours interval here names its location.
/// </summary>
public class LocationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Locations_AsEachRole_AdminManagesThemAndEveryoneSignedInReadsThem()
    {
        var scenario = await CreateAsync(factory, MainLocationId);
        var (patient, _) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var body = NewLocation();

        foreach (var refused in new[] { patient, frontDesk, clinician })
        {
            await (await refused.PostAsJsonAsync("/api/locations", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await factory.CreateClient().GetAsync("/api/locations")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var created = await scenario.Admin.PostAsJsonAsync("/api/locations", body);
        var location = await ApiClientExtensions.CreatedAsync(created);
        created.Headers.ETag.ShouldNotBeNull();
        created.Headers.Location!.ToString().ShouldBe($"/api/locations/{location["id"]}");
        location["phone"]!.GetValue<string>().ShouldBe("+61892001234");
        location["timeZone"]!.GetValue<string>().ShouldBe("Australia/Perth");
        location["usesClinicTimeZone"]!.GetValue<bool>().ShouldBeFalse();

        var listed = (await patient.GetFromJsonAsync<JsonArray>("/api/locations"))!;
        listed.Select(l => l!["id"]!.GetValue<Guid>()).ShouldContain(location["id"]!.GetValue<Guid>());
        var main = listed.Single(l => l!["id"]!.GetValue<Guid>() == MainLocationId)!;
        main["usesClinicTimeZone"]!.GetValue<bool>().ShouldBeTrue();
        main["timeZone"]!.GetValue<string>().ShouldBe("Australia/Brisbane");
        (await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/locations/{location["id"]}")))["name"]!.GetValue<string>().ShouldBe(body.name);
    }

    [Fact]
    public async Task CreateLocation_BadInput_AnswersAProblemAndWritesNothing()
    {
        var admin = await factory.AdminClientAsync();
        var existing = NewLocation();
        await ApiClientExtensions.CreatedAsync(await admin.PostAsJsonAsync("/api/locations", existing));
        var before = (await admin.GetFromJsonAsync<JsonArray>("/api/locations"))!.Count;

        await (await admin.PostAsJsonAsync("/api/locations", existing with { name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/locations", NewLocation() with { phone = "12" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/locations", NewLocation() with { address = new string('x', 301) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await admin.PostAsJsonAsync("/api/locations", NewLocation() with { timeZone = "Mars/Olympus" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            ["code"]!.GetValue<string>().ShouldBe("clinic.time-zone-unknown");
        (await (await admin.PostAsJsonAsync("/api/locations", existing)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            ["code"]!.GetValue<string>().ShouldBe("location.name-taken");

        (await admin.GetFromJsonAsync<JsonArray>("/api/locations"))!.Count.ShouldBe(before);
    }

    [Fact]
    public async Task UpdateLocation_WithAStaleIfMatch_Answers412AndChangesNothing()
    {
        var admin = await factory.AdminClientAsync();
        var created = await ApiClientExtensions.CreatedAsync(await admin.PostAsJsonAsync("/api/locations", NewLocation()));
        var id = created["id"]!.GetValue<Guid>();
        var stale = created["version"]!.GetValue<Guid>();
        var renamed = NewLocation();

        var first = await Put(admin, id, renamed, stale);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        await (await Put(admin, id, NewLocation(), stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var now = await ApiClientExtensions.OkAsync(await admin.GetAsync($"/api/locations/{id}"));
        now["name"]!.GetValue<string>().ShouldBe(renamed.name);
        await (await Put(await (await CreateAsync(factory, MainLocationId)).FrontDeskAsync(factory), id, NewLocation(), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeactivateLocation_WithAnAppointmentToCome_Answers409UntilItIsCancelled()
    {
        var admin = await factory.AdminClientAsync();
        var branch = await OpenAsync(admin, NewLocation() with { timeZone = null });
        var scenario = await CreateAsync(factory, branch);
        var (patient, _) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(3, 9))));
        booked["locationId"]!.GetValue<Guid>().ShouldBe(branch);

        (await (await admin.PostAsync($"/api/locations/{branch}/deactivate", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            ["code"]!.GetValue<string>().ShouldBe("location.has-future-bookings");
        (await ApiClientExtensions.OkAsync(await admin.GetAsync($"/api/locations/{branch}")))["isActive"]!.GetValue<bool>().ShouldBeTrue();

        await ApiClientExtensions.OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{booked["id"]}/cancel", new { reason = "Work" }));
        var closed = await ApiClientExtensions.OkAsync(await admin.PostAsync($"/api/locations/{branch}/deactivate", null));
        closed["isActive"]!.GetValue<bool>().ShouldBeFalse();

        // Closed: no bookings there, no new working hours there, and patients no longer see it.
        (await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(3, 9))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.location-closed");
        (await (await admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", Hours((DayOfWeek.Monday, 8, 12, branch))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("clinician.location-closed");
        await (await patient.GetAsync($"/api/locations/{branch}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await patient.GetFromJsonAsync<JsonArray>("/api/locations"))!.Select(l => l!["id"]!.GetValue<Guid>()).ShouldNotContain(branch);
    }

    [Fact]
    public async Task WorkingHours_AtTwoLocationsAtOnce_Answers422AndKeepsTheHoursThatWere()
    {
        var admin = await factory.AdminClientAsync();
        var second = await OpenAsync(admin, NewLocation() with { timeZone = null });
        var perth = await OpenAsync(admin, NewLocation());
        var scenario = await CreateAsync(factory, MainLocationId);
        var url = $"/api/clinicians/{scenario.ClinicianId}/working-hours";
        var before = await admin.GetStringAsync(url);

        (await (await admin.PutAnyVersionAsJsonAsync(url, Hours((DayOfWeek.Monday, 8, 12, MainLocationId), (DayOfWeek.Monday, 11, 15, second))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("clinician.two-locations-at-once");

        // Perth 12:00–13:00 is 14:00–15:00 in Brisbane: inside the afternoon in the city although the wall clocks do not meet.
        (await (await admin.PutAnyVersionAsJsonAsync(url, Hours((DayOfWeek.Monday, 13, 17, MainLocationId), (DayOfWeek.Monday, 12, 13, perth))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("clinician.two-locations-at-once");

        // With several locations an interval must say where it is.
        var unnamed = new { intervals = new[] { new { day = "Monday", start = "08:00", end = "12:00" } } };
        (await (await admin.PutAnyVersionAsJsonAsync(url, unnamed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject()
            .Select(e => e.Key).ShouldContain("intervals[0].locationId");
        await (await admin.PutAnyVersionAsJsonAsync(url, Hours((DayOfWeek.Monday, 8, 12, Guid.NewGuid())))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.GetStringAsync(url)).ShouldBe(before);
    }

    [Fact]
    public async Task Booking_WithTheClinicianAtTwoLocations_HappensWhereTheyWorkThenAndOnlyWhereTheTypeIsOffered()
    {
        var admin = await factory.AdminClientAsync();
        var north = await OpenAsync(admin, NewLocation() with { timeZone = null });
        var scenario = await CreateAsync(factory, MainLocationId);
        var everyDay = Enum.GetValues<DayOfWeek>();
        await ApiClientExtensions.OkAsync(await admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours",
            Hours([.. everyDay.Select(d => (d, 8, 12, MainLocationId)), .. everyDay.Select(d => (d, 13, 17, north))])));
        await ApiClientExtensions.OkAsync(await admin.PutAsJsonAsync($"/api/appointment-types/{scenario.InjectionId}", new
        {
            name = $"Injection {Guid.NewGuid():N}", durationMinutes = 30, bufferAfterMinutes = 15, mode = "InPerson", bookableOnline = false, locationIds = new[] { MainLocationId },
        }));
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var patientId = (await factory.NewPatientClientAsync()).Patient.Id;

        // Availability names the location of each in-person slot and filters by it.
        var day = Local(4, 0);
        var slots = (await frontDesk.GetFromJsonAsync<JsonArray>(
            $"/api/availability?appointmentTypeId={scenario.FollowUpId}&from={Q(day)}&to={Q(day.AddDays(1))}&clinicianId={scenario.ClinicianId}&locationId={north}"))!;
        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s!["locationId"]!.GetValue<Guid>() == north && s["start"]!.GetValue<DateTimeOffset>() >= Local(4, 13));

        // Named or not, an in-person appointment is where the clinician works at that time.
        (await (await frontDesk.PostAsJsonAsync("/api/appointments", new
        {
            patientId, clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, start = Local(4, 9), mode = "InPerson", locationId = north,
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.clinician-elsewhere");
        var afternoon = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments",
            Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 14), patientId: patientId)));
        afternoon["locationId"]!.GetValue<Guid>().ShouldBe(north);

        // The injection room is in the main location only; telehealth is nowhere.
        (await (await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InjectionId, Local(4, 15), patientId: patientId)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.type-not-offered-at-location");
        (await (await frontDesk.PostAsJsonAsync("/api/appointments", new
        {
            patientId, clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.TelehealthReviewId, start = Local(4, 10), mode = "Telehealth", locationId = MainLocationId,
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.location-for-telehealth");
        await (await frontDesk.PostAsJsonAsync("/api/appointments", new
        {
            patientId, clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, start = Local(4, 15), mode = "InPerson", locationId = Guid.NewGuid(),
        })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/appointments?patientId={patientId}"))!["items"]!.AsArray().Count.ShouldBe(1);

        // The location's day sheet: its working hours and its appointments.
        var sheet = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync(
            $"/api/diary?date={DateOnly.FromDateTime(Local(4, 0).DateTime):yyyy-MM-dd}&clinicianId={scenario.ClinicianId}&locationId={north}"));
        sheet["locationId"]!.GetValue<Guid>().ShouldBe(north);
        var mine = sheet["clinicians"]!.AsArray().ShouldHaveSingleItem()!;
        mine["working"]!.AsArray().ShouldHaveSingleItem()!["locationId"]!.GetValue<Guid>().ShouldBe(north);
        mine["appointments"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>().ShouldBe(afternoon["id"]!.GetValue<Guid>());
        mine["free"]!.AsArray().ShouldAllBe(f => f!["locationId"]!.GetValue<Guid>() == north);

        // The calendar feed says where, and can show one location only.
        var feed = new Uri((await ApiClientExtensions.OkAsync(await admin.PostAsync($"/api/clinicians/{scenario.ClinicianId}/calendar-token", null)))["url"]!.GetValue<string>());
        var anonymous = factory.CreateClient();
        var northName = (await admin.GetFromJsonAsync<JsonObject>($"/api/locations/{north}"))!["name"]!.GetValue<string>();
        (await anonymous.GetStringAsync(feed.PathAndQuery)).ShouldContain($"LOCATION:{northName}\\, 88 James Street");
        (await anonymous.GetStringAsync($"{feed.PathAndQuery}&locationId={MainLocationId}")).ShouldNotContain("BEGIN:VEVENT");
    }

    [Fact]
    public async Task BookSeries_AtALocation_OnADayTheClinicianIsElsewhere_ListsThatOccurrence_AndBookWhatFitsBooksTheRest()
    {
        var admin = await factory.AdminClientAsync();
        var north = await OpenAsync(admin, NewLocation() with { timeZone = null });
        var scenario = await CreateAsync(factory, MainLocationId);
        var first = Local(5, 14);
        var awayDay = first.AddDays(1).DayOfWeek;

        // Afternoons at North, except one weekday when the clinician stays in the city.
        await ApiClientExtensions.OkAsync(await admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", Hours([
            .. Enum.GetValues<DayOfWeek>().Select(d => (d, 8, 12, MainLocationId)),
            .. Enum.GetValues<DayOfWeek>().Select(d => (d, 13, 17, d == awayDay ? MainLocationId : north))])));
        var (patient, profile) = await factory.NewPatientClientAsync();
        object Series(bool bookWhatFits) => new
        {
            clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, firstStart = first, mode = "InPerson", occurrences = 3,
            repeat = new { everyDays = 1 }, locationId = north, bookWhatFits,
        };

        var problem = await (await patient.PostAsJsonAsync("/api/appointments/series", Series(false))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["code"]!.GetValue<string>().ShouldBe("appointment-series.conflict");
        var away = problem["occurrences"]!.AsArray().ShouldHaveSingleItem()!;
        away["index"]!.GetValue<int>().ShouldBe(2);
        away["code"]!.GetValue<string>().ShouldBe("appointment.clinician-elsewhere");
        var alternatives = away["alternatives"]!.AsArray().Select(a => a!.GetValue<DateTimeOffset>()).ToList();
        alternatives.ShouldNotBeEmpty();
        alternatives.ShouldAllBe(a => a.ToOffset(BrisbaneOffset).DayOfWeek != awayDay && a.ToOffset(BrisbaneOffset).Hour >= 13, "alternatives are at North");
        (await patient.GetFromJsonAsync<JsonObject>("/api/appointments?status=Booked"))!["totalCount"]!.GetValue<int>().ShouldBe(0);

        var series = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments/series", Series(true)));
        series["appointments"]!.AsArray().Select(a => a!["locationId"]!.GetValue<Guid>()).ShouldBe([north, north]);
        series["notBooked"]!.AsArray().ShouldHaveSingleItem()!["index"]!.GetValue<int>().ShouldBe(2);
        profile.Id.ShouldBe(series["patientId"]!.GetValue<Guid>());
    }

    private static string Q(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O"));

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, LocationBody body, Guid? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/locations/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        }

        return client.SendAsync(request);
    }

    internal static async Task<Guid> OpenAsync(HttpClient admin, LocationBody body) =>
        (await ApiClientExtensions.CreatedAsync(await admin.PostAsJsonAsync("/api/locations", body)))["id"]!.GetValue<Guid>();

    internal static LocationBody NewLocation() => new($"Location {Guid.NewGuid():N}", "88 James Street\nNorthbridge WA 6003", "(08) 9200 1234", "Australia/Perth");

    internal static object Hours(params (DayOfWeek Day, int From, int To, Guid LocationId)[] intervals) => new
    {
        intervals = intervals.Select(i => new { day = i.Day.ToString(), start = $"{i.From:00}:00", end = $"{i.To:00}:00", locationId = i.LocationId }),
    };

    internal sealed record LocationBody(string name, string address, string? phone, string? timeZone);
}
