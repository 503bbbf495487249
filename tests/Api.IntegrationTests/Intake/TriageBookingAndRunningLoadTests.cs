using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Intake;

public class TriageBookingAndRunningLoadTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Book_TelehealthWhileTheIntakeRequiresInPerson_Returns422_InPersonWorks_StaffMayOverrideWithAReason()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var refused = await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.TelehealthReviewId, Local(7, 9), "Telehealth")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused["code"]!.GetValue<string>().ShouldBe("appointment.in-person-assessment-required");
        (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 10)))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var frontDesk = await scenario.FrontDeskAsync(factory);
        await (await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.TelehealthReviewId, Local(8, 9), "Telehealth", profile.Id)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await frontDesk.PostAsJsonAsync("/api/appointments", new
        {
            patientId = profile.Id, clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.TelehealthReviewId, start = Local(8, 9), mode = "Telehealth",
            inPersonOverrideReason = "Seen in person by the team doctor yesterday; imaging booked.",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Book_TelehealthAfterACorrectionToRoutine_IsAllowed()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var first = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))).Content.ReadFromJsonAsync<JsonObject>();
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine(), supersedesId: first!["id"]!.GetValue<Guid>()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.TelehealthReviewId, Local(7, 11), "Telehealth")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task RunningLoad_SeededByTheIntake_FlagsTheTenPercentRiseAndTheSpike()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).StatusCode.ShouldBe(HttpStatusCode.Created); // 30 km four weeks ago, 45 km now
        var path = $"/api/patients/{profile.Id}/running-load";

        var seeded = (await patient.GetFromJsonAsync<JsonObject>(path))!["weeks"]!.AsArray();
        seeded.Select(w => w!["distanceKm"]!.GetValue<decimal>()).ShouldBe([30m, 45m]);

        var thisWeek = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var weeksAgo in new[] { 3, 2, 1 })
        {
            (await patient.PostAsJsonAsync(path, new { weekStart = thisWeek.AddDays(-7 * weeksAgo), distanceKm = 30, runs = 4, longestRunKm = 12 }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var series = (await (await patient.PostAsJsonAsync(path, new { weekStart = thisWeek, distanceKm = 50, runs = 5, longestRunKm = 21 }))
            .Content.ReadFromJsonAsync<JsonObject>())!["weeks"]!.AsArray();

        series.Count.ShouldBe(5);
        var latest = series[^1]!;
        latest["weekOnWeekChange"]!.GetValue<decimal>().ShouldBe(0.667m);
        latest["acuteChronicRatio"]!.GetValue<decimal>().ShouldBe(1.67m);
        latest["flags"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["running-load.weekly-rise-over-10-percent", "running-load.acute-chronic-over-1.5"], ignoreOrder: true);
        series[1]!["flags"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunningLoad_Access_PatientOwnAndClinicians_FrontDesk403_OtherPatient404()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (stranger, _) = await factory.NewPatientClientAsync();
        var path = $"/api/patients/{profile.Id}/running-load";

        (await patient.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var clinician = await scenario.ClinicianClientAsync(factory);
        (await clinician.PostAsJsonAsync(path, new { weekStart = DateOnly.FromDateTime(DateTime.UtcNow), distanceKm = 20, runs = 3 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await (await scenario.FrontDeskAsync(factory)).GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync(path, new { weekStart = DateOnly.FromDateTime(DateTime.UtcNow), distanceKm = 20, runs = 3 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await patient.PostAsJsonAsync(path, new { weekStart = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), distanceKm = 20, runs = 3 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["weekStart"].ShouldNotBeNull();
    }

    [Fact]
    public async Task PatientIntakeForms_ForFrontDesk_AreSummaries_AndAnotherPatientsAre404()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (stranger, _) = await factory.NewPatientClientAsync();

        var frontDeskView = (await (await scenario.FrontDeskAsync(factory)).GetFromJsonAsync<JsonArray>($"/api/patients/{profile.Id}/intake-forms"))!;

        frontDeskView.ShouldHaveSingleItem()!["answers"].ShouldBeNull();
        await (await stranger.GetAsync($"/api/patients/{profile.Id}/intake-forms")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
