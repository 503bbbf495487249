using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Intake;

public class IntakeFormTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Submit_ByPatient_ReturnsTheTriageWithRedFlagsAndSuggestions()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        var response = await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()));

        var form = await CreatedAsync(response);
        response.Headers.Location!.ToString().ShouldBe($"/api/intake-forms/{form["id"]}");
        form["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        form["submittedBy"]!.GetValue<string>().ShouldBe("Patient");
        form["triageLevel"]!.GetValue<string>().ShouldBe("Urgent");
        form["requiresInPersonAssessment"]!.GetValue<bool>().ShouldBeTrue();
        form["redFlags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ShouldBe(["red-flag.cannot-bear-weight", "red-flag.pain-every-step"], ignoreOrder: true);
        form["suggestedConditions"]![0]!["condition"]!.GetValue<string>().ShouldBe("FemoralNeckStressFracture");
        form["suggestedConditions"]![0]!["evidence"]!.AsArray().Count.ShouldBeGreaterThan(1);
        form["decisionSupportNote"]!.GetValue<string>().ShouldContain("not a diagnosis");
        form["answers"]!["ableToBearWeight"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_ForAnotherPatient_AsPatient_Returns403()
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        var (_, other) = await factory.NewPatientClientAsync();

        await (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine(), patientId: other.Id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Submit_ByFrontDeskOnBehalf_IsRecordedAsSuch_AndShowsTheFrontDeskNoClinicalAnswers()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();

        var form = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture(), patientId: profile.Id)));

        form["submittedBy"]!.GetValue<string>().ShouldBe("FrontDesk");
        form["triageLevel"]!.GetValue<string>().ShouldBe("Urgent");
        form["answers"].ShouldBeNull();
        form["redFlags"].ShouldBeNull();
        form["suggestedConditions"].ShouldBeNull();
        (await patient.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{form["id"]}"))!["answers"].ShouldNotBeNull();
        await (await frontDesk.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_ClinicianReadsEverything_FrontDeskAndAdminOnlyTheSummary_OtherPatients404()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var id = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))))["id"]!.GetValue<Guid>();
        var (stranger, _) = await factory.NewPatientClientAsync();

        var clinicianView = (await (await scenario.ClinicianClientAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;
        var frontDeskView = (await (await scenario.FrontDeskAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;
        var adminView = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;

        clinicianView["answers"]!["freeText"]!.GetValue<string>().ShouldBe("Training for a half marathon.");
        clinicianView["suggestedConditions"]!.AsArray().ShouldNotBeEmpty();
        frontDeskView["answers"].ShouldBeNull();
        frontDeskView["triageLevel"]!.GetValue<string>().ShouldBe("Routine");
        frontDeskView.ToJsonString().ShouldNotContain("half marathon");
        adminView["answers"].ShouldBeNull();
        var problem = await (await stranger.GetAsync($"/api/intake-forms/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.ToJsonString().ShouldNotContain("half marathon");
        await (await stranger.GetAsync($"/api/intake-forms/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClient().GetAsync($"/api/intake-forms/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WorkList_PutsUrgentFormsFirst_WithoutClinicalAnswers_AndIsForStaffOnly()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (routinePatient, _) = await factory.NewPatientClientAsync();
        await CreatedAsync(await routinePatient.PostAsJsonAsync("/api/intake-forms", Form(Routine())));
        var (urgentPatient, _) = await factory.NewPatientClientAsync();
        var urgent = await CreatedAsync(await urgentPatient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture())));

        var list = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/intake-forms"))!;

        var items = list["items"]!.AsArray();
        items[0]!["triageLevel"]!.GetValue<string>().ShouldBe("Urgent");
        items.Select(i => i!["id"]!.GetValue<Guid>()).ShouldContain(urgent["id"]!.GetValue<Guid>());
        items.ShouldAllBe(i => i!["answers"] == null && i["redFlags"] == null);
        var routineOnly = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/intake-forms?triageLevel=Routine"))!;
        routineOnly["items"]!.AsArray().ShouldAllBe(i => i!["triageLevel"]!.GetValue<string>() == "Routine");
        await (await routinePatient.GetAsync("/api/intake-forms")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await frontDesk.GetAsync("/api/intake-forms?triageLevel=Critical")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Correct_CreatesVersionTwo_SupersedesTheFirst_AndCannotCorrectTheOldOneAgain()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var first = await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture())));
        var firstId = first["id"]!.GetValue<Guid>();

        var second = await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine(), supersedesId: firstId)));

        second["version"]!.GetValue<int>().ShouldBe(2);
        second["supersedesId"]!.GetValue<Guid>().ShouldBe(firstId);
        second["triageLevel"]!.GetValue<string>().ShouldBe("Routine");
        (await patient.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{firstId}"))!["status"]!.GetValue<string>().ShouldBe("Superseded");
        (await patient.GetFromJsonAsync<JsonArray>($"/api/patients/{profile.Id}/intake-forms"))!.Count.ShouldBe(2);
        (await (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine(), supersedesId: firstId))).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("intake.already-superseded");
        var (other, _) = await factory.NewPatientClientAsync();
        await (await other.PostAsJsonAsync("/api/intake-forms", Form(Routine(), supersedesId: second["id"]!.GetValue<Guid>()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Review_ByClinician_Once_ThenConflict_AndFrontDeskMayNot()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var id = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))))["id"]!.GetValue<Guid>();
        var clinician = await scenario.ClinicianClientAsync(factory);

        await (await (await scenario.FrontDeskAsync(factory)).PostAsync($"/api/intake-forms/{id}/review", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await clinician.PostAsync($"/api/intake-forms/{id}/review", null)).Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Reviewed");
        await (await clinician.PostAsync($"/api/intake-forms/{id}/review", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Submit_ForOwnAppointment_LinksIt_ButNotForSomeoneElses()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var booked = await patient.PostAsJsonAsync("/api/appointments", ClinicScenario.Booking(scenario.ClinicianId, scenario.InitialAssessmentId, ClinicScenario.Local(7, 9)));
        var appointmentId = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var (other, _) = await factory.NewPatientClientAsync();

        (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine(), appointmentId: appointmentId))))["appointmentId"]!
            .GetValue<Guid>().ShouldBe(appointmentId);
        await (await other.PostAsJsonAsync("/api/intake-forms", Form(Routine(), appointmentId: appointmentId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("pain.atRest", "11", "answers.pain.atRest")]
    [InlineData("pain.atNight", "-1", "answers.pain.atNight")]
    [InlineData("startedOn", "\"2999-01-01\"", "answers.startedOn")]
    [InlineData("freeText", "LONG", "answers.freeText")]
    [InlineData("painLocations", "[]", "answers.painLocations")]
    [InlineData("running.currentWeeklyKm", "900", "answers.running.currentWeeklyKm")]
    public async Task Submit_WithInvalidAnswer_Returns400NamingTheField(string path, string json, string field)
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        var answers = Routine();
        var parts = path.Split('.');
        var target = parts.Length == 1 ? answers : answers[parts[0]]!.AsObject();
        target[parts[^1]] = json == "LONG" ? JsonValue.Create(new string('x', 2001)) : JsonNode.Parse(json);

        var problem = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(answers))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]![field].ShouldNotBeNull(problem.ToJsonString());
    }

    [Fact]
    public async Task Submit_WithUnknownValue_Returns400NamingTheField()
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        var answers = Routine();
        answers["side"] = "Sideways";

        var problem = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(answers))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["detail"]!.GetValue<string>().ShouldContain("side");
    }

    [Fact]
    public async Task Submit_AsAdmin_Returns403() =>
        await (await (await factory.AdminClientAsync()).PostAsJsonAsync("/api/intake-forms", Form(Routine(), patientId: Guid.NewGuid())))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
}
