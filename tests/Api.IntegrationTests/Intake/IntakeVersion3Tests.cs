using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Intake;

/// <summary>Form version 3 through HTTP: the new answers, who may give them, the emergencies beyond the hip, and the clinician's explanation.</summary>
public class IntakeVersion3Tests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    /// <summary>A late period with sudden groin and lower-belly pain and a faint: an ectopic pregnancy, ambulance.</summary>
    private static JsonObject SuspectedEctopic()
    {
        var answers = Routine();
        answers["sex"] = "Female";
        answers["menstrualStatus"] = "Regular";
        answers["periodLateOrMissed"] = true;
        answers["onset"] = "Sudden";
        answers["startedOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        answers["painLocations"] = new JsonArray("FrontOfHipOrGroin", "LowerAbdomen");
        answers["systemicSymptoms"] = new JsonArray("FaintnessOrCollapse");
        answers["neurologicalSymptoms"] = new JsonArray();
        answers["burningOrNumbness"] = new JsonArray();
        return answers;
    }

    [Fact]
    public async Task Submit_LatePeriodSuddenGroinPainAndAFaint_IsEmergency_CallsAnAmbulance_RefusesBooking_ExplainsToTheClinicianOnly()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var form = await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedEctopic())));
        var id = form["id"]!.GetValue<Guid>();
        var clinicianView = (await (await scenario.ClinicianClientAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;
        var frontDeskView = (await (await scenario.FrontDeskAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;

        form["triageLevel"]!.GetValue<string>().ShouldBe("Emergency");
        form["answers"]!["formVersion"]!.GetValue<int>().ShouldBe(3);
        form["answers"]!["periodLateOrMissed"]!.GetValue<bool>().ShouldBeTrue();
        form["advice"]!["whatToDo"]!.GetValue<string>().ShouldStartWith("Call an ambulance now");
        form["advice"]!["whatToDo"]!.GetValue<string>().ShouldNotContain("Book", Case.Sensitive);
        form["redFlags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ShouldBe(["red-flag.ectopic-pregnancy", "red-flag.collapse", "red-flag.systemic-symptoms"], ignoreOrder: true);
        form["suggestedConditions"]![0]!["condition"]!.GetValue<string>().ShouldBe("EctopicPregnancy");
        form["explanation"].ShouldBeNull();
        form["reasons"].ShouldBeNull();
        frontDeskView["explanation"].ShouldBeNull();
        frontDeskView["advice"]!["whatToDo"]!.GetValue<string>().ShouldStartWith("Call an ambulance now");

        var explanation = clinicianView["explanation"]!;
        explanation["level"]![0]!.GetValue<string>().ShouldStartWith("Emergency: red-flag.");
        explanation["suggestions"]![0]!["condition"]!.GetValue<string>().ShouldBe("EctopicPregnancy");
        explanation["suggestions"]![0]!["why"]!.GetValue<string>().ShouldBe("Must be ruled out first.");

        await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Submit_FeverFromAColdWithASnappingHip_IsRoutine_AndTheClinicianSeesWhyTheFeverWasNotCounted()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var answers = Routine();
        answers["mechanicalSymptoms"] = new JsonArray("Snapping");
        answers["systemicSymptoms"] = new JsonArray("Fever", "FeelingUnwell");
        answers["temperatureCelsius"] = 37.9;
        answers["feverBeganWithHipPain"] = false;

        var form = await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(answers)));
        var clinicianView = (await (await scenario.ClinicianClientAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{form["id"]}"))!;

        form["triageLevel"]!.GetValue<string>().ShouldBe("Routine");
        form["requiresInPersonAssessment"]!.GetValue<bool>().ShouldBeFalse();
        form["answers"]!["temperatureCelsius"]!.GetValue<decimal>().ShouldBe(37.9m);
        clinicianView["explanation"]!["notCounted"]!.AsArray().Select(n => n!.GetValue<string>())
            .ShouldContain(n => n.Contains("began with another illness", StringComparison.Ordinal));
    }

    public static TheoryData<string, Action<JsonObject>> Misanswered() => new()
    {
        { "answers.periodLateOrMissed", a => { a["sex"] = "Male"; a["periodLateOrMissed"] = false; } },
        { "answers.periodLateOrMissed", a => { a["sex"] = "Female"; a["menstrualStatus"] = "PostMenopausal"; a["periodLateOrMissed"] = true; } },
        { "answers.testicularPain", a => { a["sex"] = "Female"; a["testicularPain"] = true; } },
        { "answers.testicularPain", a => a["testicularPain"] = true },
        { "answers.temperatureCelsius", a => a["temperatureCelsius"] = 38.5 },
        { "answers.temperatureCelsius", a => { a["systemicSymptoms"] = new JsonArray("Fever"); a["temperatureCelsius"] = 45.2; } },
        { "answers.temperatureCelsius", a => { a["systemicSymptoms"] = new JsonArray("Fever"); a["temperatureCelsius"] = 3.5; } },
        { "answers.feverBeganWithHipPain", a => a["feverBeganWithHipPain"] = false },
        { "answers.shouldersAndHipsStiff", a => a["shouldersAndHipsStiff"] = true },
        { "answers.popAtOnset", a => a["popAtOnset"] = true },
        { "answers.groinLump", a => a["groinLump"] = "StuckAndTender" },
        { "answers.groinLump", a => { a["painLocations"] = new JsonArray("FrontOfHipOrGroin"); a["groinLump"] = "Huge"; } },
        { "answers.burningOrNumbness", a => a["burningOrNumbness"] = null },
        { "answers.burningOrNumbness[0]", a => a["burningOrNumbness"] = new JsonArray("Everywhere") },
    };

    [Theory]
    [MemberData(nameof(Misanswered))]
    public async Task Submit_AnAnswerNotAskedOfThisPatientOrOutOfRange_Returns400NamingItAndStoresNothing(string field, Action<JsonObject> misanswer)
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var answers = Routine();
        misanswer(answers);

        var problem = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(answers))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ToJsonString().ShouldContain(field.Split('[')[0], Case.Insensitive);
        (await patient.GetFromJsonAsync<JsonArray>($"/api/patients/{profile.Id}/intake-forms"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_FormsStoredAsVersions1And2_ReadBackWithTheTriageTheyWereGiven()
    {
        var scenario = await CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        // Fever after an injection while walking: Urgent when version 2 triaged it, Emergency by today's rules.
        var answers = Routine();
        answers["history"] = new JsonArray("RecentHipInjectionInfectionOrSurgery");
        answers["systemicSymptoms"] = new JsonArray("Fever");
        var version2 = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(answers))))["id"]!.GetValue<Guid>();
        await IntakeSnapshots.StoreAsVersion2Async(factory, version2, "Urgent", "red-flag.fever-infection-prone");
        var version1 = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))))["id"]!.GetValue<Guid>();
        await IntakeSnapshots.StoreAsVersion1Async(factory, version1);

        var second = (await clinician.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{version2}"))!;
        var first = (await clinician.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{version1}"))!;

        second["answers"]!["formVersion"]!.GetValue<int>().ShouldBe(2);
        second["answers"]!["burningOrNumbness"]!.AsArray().ShouldBeEmpty();
        second["answers"]!["feverBeganWithHipPain"].ShouldBeNull();
        second["triageLevel"]!.GetValue<string>().ShouldBe("Urgent");
        second["redFlags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ShouldBe(["red-flag.fever-infection-prone"]);
        second["redFlags"]![0]!["service"].ShouldBeNull();
        second["reasons"]!.AsArray().ShouldHaveSingleItem()!["rule"]!.GetValue<string>().ShouldBe("red-flag.fever-infection-prone");
        second["explanation"].ShouldBeNull();
        first["answers"]!["formVersion"]!.GetValue<int>().ShouldBe(1);
        first["triageLevel"]!.GetValue<string>().ShouldBe("Urgent");
        first["reasons"].ShouldBeNull();
        first["explanation"].ShouldBeNull();
        (await clinician.GetFromJsonAsync<JsonObject>("/api/intake-forms?triageLevel=Urgent&pageSize=200"))!["items"]!.AsArray()
            .Select(f => f!["id"]!.GetValue<Guid>()).ShouldContain(version2);
    }
}
