using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Clinical;

public class TreatmentPlanTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string[] SwimAndCycle = ["Swimming", "Cycling"];

    /// <summary>A signed assessment with one primary diagnosis, and a draft plan following it.</summary>
    private async Task<(ClinicScenario Scenario, HttpClient Patient, Guid PatientId, HttpClient Clinician, Guid PlanId)> PlanAsync(string condition = "LabralTear")
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await OkAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))), HttpStatusCode.Created);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var content = new JsonObject
        {
            ["subjectiveSummary"] = "Right groin pain in a marathoner.",
            ["specialTests"] = new JsonArray(new JsonObject { ["test"] = "Fadir", ["side"] = "Right", ["result"] = "Positive" }),
            ["diagnoses"] = new JsonArray(new JsonObject { ["condition"] = condition, ["side"] = "Right", ["certainty"] = "Provisional", ["isPrimary"] = true }),
            ["imagingRequests"] = new JsonArray(new JsonObject { ["modality"] = "MrArthrogram", ["reason"] = "Labrum" }),
        };
        var assessment = await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId = profile.Id, appointmentId = booked["id"], content }), HttpStatusCode.Created);
        await OkAsync(await clinician.PostAsync($"/api/assessments/{assessment["id"]}/sign", null));
        var plan = await OkAsync(await clinician.PostAsJsonAsync("/api/treatment-plans", new
        {
            patientId = profile.Id, assessmentId = assessment["id"], goals = "Run the spring half marathon pain-free", reviewDate = Today.AddDays(42),
        }), HttpStatusCode.Created);
        return (scenario, patient, profile.Id, clinician, plan["id"]!.GetValue<Guid>());
    }

    private static object Steroid(DateOnly date, string? overrideReason = null) => new
    {
        kind = "Injection", overrideReason,
        injection = new { agent = "Corticosteroid", site = "GreaterTrochantericBursa", side = "Right", date },
    };

    [Fact]
    public async Task Plan_WithPhysioAndRest_IsActivated_AndThePatientReadsIt_DraftsStayHidden()
    {
        var (scenario, patient, patientId, clinician, planId) = await PlanAsync();
        await (await patient.GetAsync($"/api/treatment-plans/{planId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await OkAsync(await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/interventions", new
        {
            kind = "Physiotherapy",
            physiotherapy = new
            {
                sessionsPerWeek = 2, weeks = 6, gaitRetraining = true, targetCadence = 176, footwearAdvice = "Rotate two pairs",
                exercises = new[] { new { exercise = "GluteBridge", sets = 3, reps = 12, holdSeconds = (int?)null }, new { exercise = "SidePlank", sets = 3, reps = 1, holdSeconds = (int?)30 } },
            },
        }));
        await OkAsync(await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/interventions", new
        {
            kind = "Rest", rest = new { runningAllowed = "Reduced", days = 14, crossTraining = SwimAndCycle },
        }));
        var active = await OkAsync(await clinician.PostAsync($"/api/treatment-plans/{planId}/activate", null));

        active["status"]!.GetValue<string>().ShouldBe("Active");
        var patientView = (await patient.GetFromJsonAsync<JsonObject>($"/api/treatment-plans/{planId}"))!;
        patientView["interventions"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()).ShouldBe(["Physiotherapy", "Rest"]);
        patientView["interventions"]![0]!["physiotherapy"]!["exercises"]![1]!["holdSeconds"]!.GetValue<int>().ShouldBe(30);
        (await patient.GetFromJsonAsync<JsonArray>($"/api/patients/{patientId}/treatment-plans"))!.Count.ShouldBe(1);
        await (await (await scenario.FrontDeskAsync(factory)).GetAsync($"/api/treatment-plans/{planId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (stranger, _) = await factory.NewPatientClientAsync();
        await (await stranger.GetAsync($"/api/treatment-plans/{planId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await patient.PostAsync($"/api/treatment-plans/{planId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FourthCorticosteroidInjectionInAYear_IsStopped_UnlessOverriddenWithARecordedReason()
    {
        var (_, _, _, clinician, planId) = await PlanAsync();
        var path = $"/api/treatment-plans/{planId}/interventions";
        foreach (var daysAgo in new[] { 200, 150, 100 })
        {
            await OkAsync(await clinician.PostAsJsonAsync(path, Steroid(Today.AddDays(-daysAgo))));
        }

        var stopped = await (await clinician.PostAsJsonAsync(path, Steroid(Today))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        stopped["code"]!.GetValue<string>().ShouldBe("treatment.corticosteroid-yearly-limit");

        var overridden = await OkAsync(await clinician.PostAsJsonAsync(path, Steroid(Today, "Awaiting surgery; discussed risks")));
        var last = overridden["interventions"]!.AsArray()[^1]!;
        last["overrideReason"]!.GetValue<string>().ShouldBe("Awaiting surgery; discussed risks");
        last["overriddenRules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["treatment.corticosteroid-yearly-limit"]);
        (await (await clinician.PostAsJsonAsync(path, Steroid(Today.AddDays(-90)))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBeOneOf("treatment.corticosteroid-yearly-limit", "treatment.corticosteroid-spacing");
    }

    [Fact]
    public async Task SurgicalReferral_ForALabralTear_ProducesAReferralSummary()
    {
        var (_, patient, patientId, clinician, planId) = await PlanAsync();
        await OkAsync(await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/interventions", new
        {
            kind = "Physiotherapy", physiotherapy = new { sessionsPerWeek = 2, weeks = 12, gaitRetraining = false, exercises = new[] { new { exercise = "Clamshell", sets = 3, reps = 15 } } },
        }));
        (await patient.PostAsJsonAsync($"/api/patients/{patientId}/outcomes", new { instrument = "IHot12", items = Enumerable.Repeat(35, 12) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await OkAsync(await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/interventions", new
        {
            kind = "SurgicalReferral", surgicalReferral = new { urgency = "Routine", reason = "Mechanical symptoms despite 12 weeks of physiotherapy" },
        }));

        var summary = (await clinician.GetFromJsonAsync<JsonObject>($"/api/treatment-plans/{planId}/referral-summary"))!;

        summary["diagnoses"]![0]!["condition"]!.GetValue<string>().ShouldBe("LabralTear");
        summary["imaging"]![0]!["modality"]!.GetValue<string>().ShouldBe("MrArthrogram");
        summary["treatmentsTried"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("Physiotherapy");
        summary["outcomeHistory"]![0]!["instrument"]!.GetValue<string>().ShouldBe("IHot12");
        summary["reason"]!.GetValue<string>().ShouldContain("Mechanical");
    }

    [Fact]
    public async Task SurgicalReferral_ForBursitisWithoutConservativeCare_IsRefused()
    {
        var (_, _, _, clinician, planId) = await PlanAsync("TrochantericBursitis");

        (await (await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/interventions", new
        {
            kind = "SurgicalReferral", surgicalReferral = new { urgency = "Routine", reason = "Persistent pain" },
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("treatment.referral-needs-indication");
    }

    [Fact]
    public async Task ReturnToRun_WithAStressFracture_IsRefusedUntilClearance_ThenGetsAScheduleOfAtMostTenPercentRises()
    {
        var (_, _, _, clinician, planId) = await PlanAsync("FemoralNeckStressFracture");
        var path = $"/api/treatment-plans/{planId}/interventions";
        var returnToRun = new { kind = "ReturnToRun", returnToRun = new { startWeeklyKm = 10, targetWeeklyKm = 30, startDate = Today.AddDays(56) } };

        (await (await clinician.PostAsJsonAsync(path, returnToRun)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("treatment.no-running-with-stress-fracture");
        await OkAsync(await clinician.PostAsync($"/api/treatment-plans/{planId}/stress-fracture-clearance", null));
        var plan = await OkAsync(await clinician.PostAsJsonAsync(path, returnToRun));

        var schedule = plan["interventions"]![0]!["returnToRunSchedule"]!.AsArray().Select(w => w!["km"]!.GetValue<decimal>()).ToList();
        schedule[0].ShouldBe(10m);
        schedule[^1].ShouldBe(30m);
        schedule.Zip(schedule.Skip(1)).ShouldAllBe(pair => pair.Second <= pair.First * 1.10m);
    }

    [Fact]
    public async Task ClosedPlan_RefusesChanges_AndInterventionsCanBeRemovedWhileOpen()
    {
        var (_, _, _, clinician, planId) = await PlanAsync();
        var path = $"/api/treatment-plans/{planId}/interventions";
        var plan = await OkAsync(await clinician.PostAsJsonAsync(path, new { kind = "IceOrHeat", iceOrHeat = new { therapy = "Ice", minutesPerSession = 15, sessionsPerDay = 3 } }));
        var interventionId = plan["interventions"]![0]!["id"]!.GetValue<Guid>();
        (await (await clinician.PostAsJsonAsync(path, new { kind = "IceOrHeat", iceOrHeat = new { therapy = "Ice", minutesPerSession = 25, sessionsPerDay = 3 } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("treatment.ice-session-too-long");

        (await OkAsync(await clinician.DeleteAsync($"{path}/{interventionId}")))["interventions"]!.AsArray().ShouldBeEmpty();
        await (await clinician.DeleteAsync($"{path}/{interventionId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await OkAsync(await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/discontinue", new { reason = "Moved interstate" }));
        await (await clinician.PostAsJsonAsync(path, new { kind = "Rest", rest = new { runningAllowed = "None", days = 3, crossTraining = Array.Empty<string>() } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await clinician.PostAsJsonAsync(path, new { kind = "Rest" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AddIntervention_WithAStaleIfMatch_Returns412()
    {
        var (_, _, _, clinician, planId) = await PlanAsync();
        var read = (await clinician.GetFromJsonAsync<JsonObject>($"/api/treatment-plans/{planId}"))!["version"]!.GetValue<Guid>();
        HttpRequestMessage Add(Guid version)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/treatment-plans/{planId}/interventions")
            {
                Content = JsonContent.Create(new { kind = "IceOrHeat", iceOrHeat = new { therapy = "Ice", minutesPerSession = 15, sessionsPerDay = 3 } }),
            };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
            return request;
        }

        (await clinician.SendAsync(Add(read))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await clinician.SendAsync(Add(read))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Discontinue_WithAnOverlongReason_Returns400AndChangesNothing()
    {
        var (_, _, _, clinician, planId) = await PlanAsync();

        (await (await clinician.PostAsJsonAsync($"/api/treatment-plans/{planId}/discontinue", new { reason = new string('x', 501) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["reason"].ShouldNotBeNull();

        (await clinician.GetFromJsonAsync<JsonObject>($"/api/treatment-plans/{planId}"))!["status"]!.GetValue<string>().ShouldBe("Draft");
    }
}
