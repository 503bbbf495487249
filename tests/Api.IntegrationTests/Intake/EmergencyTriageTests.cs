using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Intake;

/// <summary>The Emergency level through HTTP: what each reader sees, the booking refusal, the work list, the events.</summary>
public class EmergencyTriageTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Submit_CaudaEquinaAnswers_IsEmergency_PatientGetsAdvice_ClinicianGetsReasons_FrontDeskLevelAndAdviceOnly()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var form = await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(CaudaEquina())));
        var id = form["id"]!.GetValue<Guid>();
        var clinicianView = (await (await scenario.ClinicianClientAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;
        var frontDeskView = (await (await scenario.FrontDeskAsync(factory)).GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;
        var adminView = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;

        form["triageLevel"]!.GetValue<string>().ShouldBe("Emergency");
        form["requiresInPersonAssessment"]!.GetValue<bool>().ShouldBeTrue();
        form["advice"]!["whatToDo"]!.GetValue<string>().ShouldContain("emergency department now");
        form["advice"]!["whenToSeekEmergencyCare"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        form["redFlags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ShouldContain("red-flag.cauda-equina");
        form["answers"]!["formVersion"]!.GetValue<int>().ShouldBe(3);
        form["reasons"].ShouldBeNull();

        var reason = clinicianView["reasons"]!.AsArray().Single(r => r!["rule"]!.GetValue<string>() == "red-flag.cauda-equina")!;
        reason["level"]!.GetValue<string>().ShouldBe("Emergency");
        reason["firedBy"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["saddle numbness", "new bladder or bowel change"]);

        foreach (var summary in new[] { frontDeskView, adminView })
        {
            summary["triageLevel"]!.GetValue<string>().ShouldBe("Emergency");
            summary["advice"]!["whatToDo"]!.GetValue<string>().ShouldContain("emergency department");
            summary["answers"].ShouldBeNull();
            summary["redFlags"].ShouldBeNull();
            summary["reasons"].ShouldBeNull();
            summary.ToJsonString().ShouldNotContain("saddle", Case.Insensitive);
        }
    }

    [Fact]
    public async Task Book_WhileAnEmergencyFormAwaitsReview_Returns422TellingThePatientWhatToDo_UntilAClinicianReviewsIt()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var formId = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(CaudaEquina()))))["id"]!.GetValue<Guid>();

        var inPerson = await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var telehealth = await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 10), "Telehealth")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        foreach (var problem in new[] { inPerson, telehealth })
        {
            problem["code"]!.GetValue<string>().ShouldBe("appointment.emergency-intake-pending");
            problem["type"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/problems/appointment.emergency-intake-pending");
            problem["detail"]!.GetValue<string>().ShouldContain("Go to an emergency department now");
        }

        (await OkAsync(await patient.GetAsync("/api/appointments")))["items"]!.AsArray().ShouldBeEmpty();
        await OkAsync(await (await scenario.ClinicianClientAsync(factory)).PostAsync($"/api/intake-forms/{formId}/review", null));

        var booked = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9))));
        booked["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
    }

    [Fact]
    public async Task Book_ByFrontDeskForAPatientWithAnEmergencyForm_IsAllowed()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(CaudaEquina())));

        var booked = await CreatedAsync(await (await scenario.FrontDeskAsync(factory))
            .PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 9), patientId: profile.Id)));

        booked["status"]!.GetValue<string>().ShouldBe("Booked");
    }

    [Theory]
    [InlineData("neurologicalSymptoms", "[\"Tingling\"]")]
    [InlineData("neurologicalSymptoms", "null")]
    [InlineData("sex", "\"Unknown\"")]
    [InlineData("menstrualStatus", "\"Sometimes\"")]
    [InlineData("morningStiffnessMinutes", "-5")]
    [InlineData("morningStiffnessMinutes", "1441")]
    [InlineData("trend", "\"Sideways\"")]
    public async Task Submit_BadNewAnswer_Returns400AndStoresNothing(string member, string json)
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var answers = Routine();
        answers[member] = JsonNode.Parse(json);

        var problem = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(answers))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ToJsonString().ShouldContain(member, Case.Insensitive);
        (await patient.GetFromJsonAsync<JsonArray>($"/api/patients/{profile.Id}/intake-forms"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkList_PutsEmergencyThenUrgentFirst_WithMinutesWaiting_AndNoClinicalContent()
    {
        var scenario = await CreateAsync(factory);
        var ids = new List<Guid>();
        foreach (var answers in new[] { Routine(), SuspectedStressFracture(), CaudaEquina() })
        {
            var (patient, _) = await factory.NewPatientClientAsync();
            ids.Add((await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(answers))))["id"]!.GetValue<Guid>());
        }

        var items = (await OkAsync(await (await scenario.FrontDeskAsync(factory)).GetAsync("/api/intake-forms?status=Submitted&pageSize=200")))["items"]!.AsArray();

        var levels = items.Select(i => i!["triageLevel"]!.GetValue<string>()).ToList();
        var rank = new[] { "Emergency", "Urgent", "Soon", "Routine" };
        levels.Select(l => Array.IndexOf(rank, l)).ShouldBeInOrder();
        var ours = items.Where(i => ids.Contains(i!["id"]!.GetValue<Guid>())).ToList();
        ours.Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([ids[2], ids[1], ids[0]]);
        ours.ShouldAllBe(i => i!["waitingMinutes"]!.GetValue<int>() >= 0 && i["advice"] != null && i["answers"] == null && i["reasons"] == null);
    }

    [Fact]
    public async Task Submit_UrgentAndEmergencyForms_SendIntakeUrgentAndIntakeEmergencyWebhooks_RoutineNeither()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await scenario.Admin.SubscribeAsync(receiver.Url, "intake.urgent", "intake.emergency");
        var (patient, profile) = await factory.NewPatientClientAsync();

        var routine = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))))["id"]!.GetValue<Guid>();
        var urgent = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))))["id"]!.GetValue<Guid>();
        var emergency = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(CaudaEquina()))))["id"]!.GetValue<Guid>();

        var urgentEvent = await receiver.WaitForAsync(r => r.Body.Contains(urgent.ToString(), StringComparison.Ordinal), Soon);
        var emergencyEvent = await receiver.WaitForAsync(r => r.Body.Contains(emergency.ToString(), StringComparison.Ordinal), Soon);
        JsonNode.Parse(urgentEvent.Body)!["type"]!.GetValue<string>().ShouldBe("intake.urgent");
        JsonNode.Parse(emergencyEvent.Body)!["type"]!.GetValue<string>().ShouldBe("intake.emergency");
        JsonNode.Parse(emergencyEvent.Body)!["data"]!["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        emergencyEvent.IsSignedWith(secret).ShouldBeTrue();
        emergencyEvent.Body.ShouldNotContain("saddle", Case.Insensitive);
        receiver.Requests.ShouldNotContain(r => r.Body.Contains(routine.ToString(), StringComparison.Ordinal));

        // The review checks wait in the outbox, due four hours (the default) after each Urgent or Emergency form.
        var checks = await ReviewChecksAsync(routine, urgent, emergency);
        checks.Select(c => c.ResourceId).ShouldBe([urgent, emergency], ignoreOrder: true);
        checks.ShouldAllBe(c => c.Status == OutboxMessageStatus.Pending && c.DueAtUtc - c.OccurredAtUtc == TimeSpan.FromHours(4));
    }

    [Fact]
    public async Task Get_AFormStoredBeforeVersion2_ReadsBackAsStored()
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        var id = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))))["id"]!.GetValue<Guid>();
        await IntakeSnapshots.StoreAsVersion1Async(factory, id);

        var form = (await patient.GetFromJsonAsync<JsonObject>($"/api/intake-forms/{id}"))!;

        form["answers"]!["formVersion"]!.GetValue<int>().ShouldBe(1);
        form["answers"]!["ableToBearWeight"]!.GetValue<bool>().ShouldBeFalse();
        form["answers"]!["neurologicalSymptoms"]!.AsArray().ShouldBeEmpty();
        form["triageLevel"]!.GetValue<string>().ShouldBe("Urgent");
        form["redFlags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ShouldBe(["red-flag.cannot-bear-weight", "red-flag.pain-every-step"], ignoreOrder: true);
        form["redFlags"]![0]!["firedBy"].ShouldBeNull();
        form["advice"].ShouldBeNull();
    }

    private async Task<List<OutboxMessage>> ReviewChecksAsync(params Guid[] formIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Type == OutboxEvents.IntakeReviewDueType && formIds.Contains(m.ResourceId)).ToListAsync();
    }
}
