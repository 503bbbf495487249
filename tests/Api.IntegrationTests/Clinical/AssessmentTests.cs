using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Clinical;

public class AssessmentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    /// <summary>A runner with groin pain: FADIR positive, provisional labral tear, MR arthrogram requested.</summary>
    private static JsonObject GroinContent(bool withFadir = true) => new()
    {
        ["subjectiveSummary"] = "Six weeks of right groin pain with clicking after a marathon build.",
        ["rangeOfMotion"] = new JsonArray(new JsonObject { ["movement"] = "Flexion", ["side"] = "Right", ["degrees"] = 105 },
            new JsonObject { ["movement"] = "InternalRotation", ["side"] = "Right", ["degrees"] = 20 }),
        ["tendernessSites"] = new JsonArray("Groin"),
        ["specialTests"] = withFadir ? new JsonArray(new JsonObject { ["test"] = "Fadir", ["side"] = "Right", ["result"] = "Positive" }) : new JsonArray(),
        ["diagnoses"] = new JsonArray(new JsonObject { ["condition"] = "LabralTear", ["side"] = "Right", ["certainty"] = "Provisional", ["isPrimary"] = true }),
        ["imagingRequests"] = new JsonArray(new JsonObject { ["modality"] = "MrArthrogram", ["reason"] = "Suspected anterosuperior labral tear" }),
        ["notes"] = "Discussed load management.",
    };

    private async Task<(ClinicScenario Scenario, HttpClient Patient, Guid PatientId, Guid AppointmentId, HttpClient Clinician)> VisitAsync()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9)));
        var appointmentId = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        return (scenario, patient, profile.Id, appointmentId, await scenario.ClinicianClientAsync(factory));
    }

    [Fact]
    public async Task Clinician_AssessesSignsAndAddsAnAddendum_ThePatientSeesSummaryAndDiagnosesOnly()
    {
        var (scenario, patient, patientId, appointmentId, clinician) = await VisitAsync();

        var draft = await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = GroinContent() }), HttpStatusCode.Created);
        var id = draft["id"]!.GetValue<Guid>();
        draft["status"]!.GetValue<string>().ShouldBe("Draft");
        draft["warnings"]!.AsArray().ShouldBeEmpty();
        await (await patient.GetAsync($"/api/assessments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var revised = GroinContent();
        revised["notes"] = "Discussed load management; review in two weeks.";
        (await OkAsync(await clinician.PutAnyVersionAsJsonAsync($"/api/assessments/{id}", new { content = revised })))["content"]!["notes"]!.GetValue<string>().ShouldContain("two weeks");
        (await OkAsync(await clinician.PostAsync($"/api/assessments/{id}/sign", null)))["status"]!.GetValue<string>().ShouldBe("Signed");

        (await (await clinician.PutAnyVersionAsJsonAsync($"/api/assessments/{id}", new { content = GroinContent() })).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("assessment.signed");
        var (_, colleagueEmail) = await scenario.AddClinicianAsync();
        var colleague = await factory.SignedInClientAsync(colleagueEmail, StaffPassword);
        var withAddendum = await OkAsync(await colleague.PostAsJsonAsync($"/api/assessments/{id}/addenda", new { text = "MR arthrogram confirms a labral tear." }));
        withAddendum["addenda"]!.AsArray().ShouldHaveSingleItem()!["text"]!.GetValue<string>().ShouldBe("MR arthrogram confirms a labral tear.");

        var patientView = (await patient.GetFromJsonAsync<JsonObject>($"/api/assessments/{id}"))!;
        patientView["subjectiveSummary"]!.GetValue<string>().ShouldContain("groin pain");
        patientView["diagnoses"]![0]!["condition"]!.GetValue<string>().ShouldBe("LabralTear");
        patientView["content"].ShouldBeNull();
        patientView["addenda"].ShouldBeNull();
        patientView.ToJsonString().ShouldNotContain("load management");
        (await patient.GetFromJsonAsync<JsonArray>($"/api/patients/{patientId}/assessments"))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Draft_OtherClinicianReadsButCannotEditOrSign_AndAddendumNeedsSigning()
    {
        var (scenario, _, patientId, appointmentId, clinician) = await VisitAsync();
        var id = (await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = GroinContent() }), HttpStatusCode.Created))["id"]!
            .GetValue<Guid>();
        var (_, colleagueEmail) = await scenario.AddClinicianAsync();
        var colleague = await factory.SignedInClientAsync(colleagueEmail, StaffPassword);

        (await colleague.GetFromJsonAsync<JsonObject>($"/api/assessments/{id}"))!["content"].ShouldNotBeNull();
        await (await colleague.PutAnyVersionAsJsonAsync($"/api/assessments/{id}", new { content = GroinContent() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await colleague.PostAsync($"/api/assessments/{id}/sign", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await clinician.PostAsJsonAsync($"/api/assessments/{id}/addenda", new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Assessments_FrontDeskAndAdmin403_OtherPatient404()
    {
        var (scenario, _, patientId, appointmentId, clinician) = await VisitAsync();
        var id = (await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = GroinContent() }), HttpStatusCode.Created))["id"]!
            .GetValue<Guid>();
        await OkAsync(await clinician.PostAsync($"/api/assessments/{id}/sign", null));
        var (stranger, _) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);

        await (await frontDesk.GetAsync($"/api/assessments/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await frontDesk.GetAsync($"/api/patients/{patientId}/assessments")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await scenario.Admin.GetAsync($"/api/assessments/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/assessments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/patients/{patientId}/assessments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = GroinContent() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Start_LabralTearWithoutFadir_SucceedsWithAWarning()
    {
        var (_, _, patientId, appointmentId, clinician) = await VisitAsync();

        var draft = await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = GroinContent(withFadir: false) }), HttpStatusCode.Created);

        draft["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ShouldBe(["warning.fai-or-labral-tear-without-fadir"]);
    }

    [Fact]
    public async Task Start_WithBadInput_Returns400Or422_AndForAnotherPatientsAppointment404()
    {
        var (_, _, patientId, appointmentId, clinician) = await VisitAsync();
        var badDegrees = GroinContent();
        badDegrees["rangeOfMotion"]![0]!["degrees"] = 200;
        var twoPrimaries = GroinContent();
        twoPrimaries["diagnoses"]!.AsArray().Add(new JsonObject { ["condition"] = "FemoroacetabularImpingement", ["side"] = "Right", ["certainty"] = "Provisional", ["isPrimary"] = true });
        var (_, other) = await factory.NewPatientClientAsync();

        (await (await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = badDegrees })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!
            ["content.rangeOfMotion[0].degrees"].ShouldNotBeNull();
        (await (await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = twoPrimaries })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("assessment.one-primary-diagnosis");
        await (await clinician.PostAsJsonAsync("/api/assessments", new { patientId = other.Id, appointmentId, content = GroinContent() })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revise_WithAStaleIfMatch_Returns412AndKeepsTheOtherEdit()
    {
        var (_, _, patientId, appointmentId, clinician) = await VisitAsync();
        var draft = await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId, content = GroinContent() }), HttpStatusCode.Created);
        var (id, readVersion) = (draft["id"]!.GetValue<Guid>(), draft["version"]!.GetValue<Guid>());
        HttpRequestMessage Revise(string notes, Guid version)
        {
            var content = GroinContent();
            content["notes"] = notes;
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/assessments/{id}") { Content = JsonContent.Create(new { content }) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
            return request;
        }

        var first = await OkAsync(await clinician.SendAsync(Revise("First edit", readVersion)));
        await (await clinician.SendAsync(Revise("Second edit from a stale screen", readVersion))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        first["version"]!.GetValue<Guid>().ShouldNotBe(readVersion);
        (await clinician.GetFromJsonAsync<JsonObject>($"/api/assessments/{id}"))!["content"]!["notes"]!.GetValue<string>().ShouldBe("First edit");
    }
}
