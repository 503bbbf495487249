using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Intake;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>Treatment plans as CarePlan, surgical referrals as ServiceRequest, outcome scores and triage as Observation.</summary>
public class FhirCareTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Care(ClinicScenario Scenario, HttpClient Patient, Guid PatientId, HttpClient Clinician, Guid PlanId);

    /// <summary>A patient with a signed labral-tear assessment and a draft plan following it.</summary>
    private async Task<Care> CareAsync()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))));
        var clinician = await scenario.ClinicianClientAsync(factory);
        var content = new JsonObject
        {
            ["subjectiveSummary"] = "Right groin pain with clicking.",
            ["diagnoses"] = new JsonArray(new JsonObject { ["condition"] = "LabralTear", ["side"] = "Right", ["certainty"] = "Provisional", ["isPrimary"] = true }),
            ["imagingRequests"] = new JsonArray(new JsonObject { ["modality"] = "MrArthrogram", ["reason"] = "Labrum" }),
        };
        var assessment = await CreatedAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId = profile.Id, appointmentId = booked["id"], content }));
        await OkAsync(await clinician.PostAsync($"/api/assessments/{assessment["id"]}/sign", null));
        var plan = await CreatedAsync(await clinician.PostAsJsonAsync("/api/treatment-plans", new
        {
            patientId = profile.Id, assessmentId = assessment["id"], goals = "Run the spring half marathon pain-free", reviewDate = Today.AddDays(42),
        }));
        return new Care(scenario, patient, profile.Id, clinician, plan["id"]!.GetValue<Guid>());
    }

    private static async Task AddAsync(Care care, object intervention) =>
        await OkAsync(await care.Clinician.PostAsJsonAsync($"/api/treatment-plans/{care.PlanId}/interventions", intervention));

    private static object Physiotherapy() => new
    {
        kind = "Physiotherapy",
        physiotherapy = new { sessionsPerWeek = 2, weeks = 12, gaitRetraining = true, targetCadence = 176, exercises = new[] { new { exercise = "Clamshell", sets = 3, reps = 15 } } },
    };

    private static object Referral() => new
    {
        kind = "SurgicalReferral", surgicalReferral = new { urgency = "Urgent", reason = "Mechanical symptoms despite 12 weeks of physiotherapy" },
    };

    [Fact]
    public async Task CarePlan_ReadAndSearch_GiveThePlanWithItsActivities_ToThePatientOnceActiveAndToClinicians()
    {
        var care = await CareAsync();
        await AddAsync(care, Physiotherapy());
        await AddAsync(care, Referral());
        await OutcomeAsync(await care.Patient.GetAsync($"/fhir/CarePlan/{care.PlanId}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        (await MatchesAsync<CarePlan>(await care.Patient.GetAsync($"/fhir/CarePlan?patient={care.PatientId}"))).ShouldBeEmpty("a draft is the clinician's alone");
        await OkAsync(await care.Clinician.PostAsync($"/api/treatment-plans/{care.PlanId}/activate", null));

        var plan = await FhirAsync<CarePlan>(await care.Patient.GetAsync($"/fhir/CarePlan/{care.PlanId}"));
        plan.Status.ShouldBe(RequestStatus.Active);
        plan.Intent.ShouldBe(CarePlan.CarePlanIntent.Plan);
        plan.Description.ShouldBe("Run the spring half marathon pain-free");
        plan.Subject!.Reference.ShouldBe($"Patient/{care.PatientId}");
        plan.Author!.Reference.ShouldBe($"Practitioner/{care.Scenario.ClinicianId}");
        plan.Activity.Count.ShouldBe(2);
        var physio = plan.Activity[0].Detail.ShouldNotBeNull();
        physio.Code!.Coding.ShouldHaveSingleItem().Code.ShouldBe("Physiotherapy");
        physio.Status.ShouldBe(CarePlan.CarePlanActivityStatus.InProgress);
        physio.Description.ShouldBe("2 sessions a week for 12 weeks: Clamshell 3x15; gait retraining to 176 steps a minute.");
        plan.Activity[1].Reference!.Reference.ShouldBe($"ServiceRequest/{care.PlanId}");

        (await MatchesAsync<CarePlan>(await care.Clinician.GetAsync($"/fhir/CarePlan?patient=Patient/{care.PatientId}"))).ShouldHaveSingleItem().Id
            .ShouldBe(care.PlanId.ToString());
        await OutcomeAsync(await (await care.Scenario.FrontDeskAsync(factory)).GetAsync($"/fhir/CarePlan/{care.PlanId}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        var (stranger, _) = await factory.NewPatientClientAsync();
        await OutcomeAsync(await stranger.GetAsync($"/fhir/CarePlan/{care.PlanId}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }

    [Fact]
    public async Task ServiceRequest_OfAPlansSurgicalReferral_CarriesTheReferralSummary_ToCliniciansOnly()
    {
        var care = await CareAsync();
        await OutcomeAsync(await care.Clinician.GetAsync($"/fhir/ServiceRequest/{care.PlanId}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await AddAsync(care, Physiotherapy());
        (await care.Patient.PostAsJsonAsync($"/api/patients/{care.PatientId}/outcomes", new { instrument = "IHot12", items = Enumerable.Repeat(35, 12) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await AddAsync(care, Referral());

        var referral = await FhirAsync<ServiceRequest>(await care.Clinician.GetAsync($"/fhir/ServiceRequest/{care.PlanId}"));
        referral.Status.ShouldBe(RequestStatus.Draft);
        referral.Intent.ShouldBe(RequestIntent.Order);
        referral.Priority.ShouldBe(RequestPriority.Urgent);
        referral.Subject!.Reference.ShouldBe($"Patient/{care.PatientId}");
        referral.Requester!.Reference.ShouldBe($"Practitioner/{care.Scenario.ClinicianId}");
        referral.BasedOn.ShouldHaveSingleItem().Reference.ShouldBe($"CarePlan/{care.PlanId}");
        referral.ReasonCode[0].Text.ShouldBe("Mechanical symptoms despite 12 weeks of physiotherapy");
        referral.ReasonCode[1].Coding.ShouldContain(c => c.System == FhirResources.HipConditionSystem && c.Code == "LabralTear");
        var notes = referral.Note.Select(n => n.Text).ToList();
        notes.ShouldContain("Imaging requested: MrArthrogram (Labrum)");
        notes.ShouldContain(n => n!.StartsWith("Treatments tried: Physiotherapy", StringComparison.Ordinal));
        notes.ShouldContain(n => n!.StartsWith("International Hip Outcome Tool (iHOT-12)", StringComparison.Ordinal) && n.Contains("score 35", StringComparison.Ordinal));

        (await MatchesAsync<ServiceRequest>(await care.Clinician.GetAsync($"/fhir/ServiceRequest?patient={care.PatientId}"))).ShouldHaveSingleItem().Id
            .ShouldBe(care.PlanId.ToString());
        await OutcomeAsync(await care.Patient.GetAsync($"/fhir/ServiceRequest/{care.PlanId}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await OutcomeAsync(await (await care.Scenario.FrontDeskAsync(factory)).GetAsync($"/fhir/ServiceRequest?patient={care.PatientId}"),
            HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    [Fact]
    public async Task Observation_OutcomeScoresAndTriage_CarryTheirCodesSubjectDateAndPerformer_AndTheFrontDeskIsRefused()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var path = $"/api/patients/{profile.Id}/outcomes";
        (await patient.PostAsJsonAsync(path, new { instrument = "Nprs", score = 5 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await patient.PostAsJsonAsync(path, new { instrument = "IHot12", items = Enumerable.Repeat(40, 12) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        int?[] hoos = [null, null, null, null, null, .. Enumerable.Repeat<int?>(1, 35)];
        (await patient.PostAsJsonAsync(path, new { instrument = "Hoos", items = hoos })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var form = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine()))))["id"]!.GetValue<Guid>();
        var clinician = await scenario.ClinicianClientAsync(factory);

        var all = await MatchesAsync<Observation>(await clinician.GetAsync($"/fhir/Observation?patient=Patient/{profile.Id}"));
        all.Count.ShouldBe(4);
        all.ShouldAllBe(o => o.Subject!.Reference == $"Patient/{profile.Id}" && o.Status == ObservationStatus.Final && o.Effective != null);

        var nprs = all.Single(o => o.Code.Coding.Any(c => c.System == "http://loinc.org"));
        nprs.Code.Coding[0].Code.ShouldBe("72514-3");
        var pain = nprs.Value.ShouldBeOfType<Quantity>();
        (pain.Value, pain.Code, pain.System).ShouldBe((5m, "{score}", "http://unitsofmeasure.org"));
        nprs.Performer.ShouldHaveSingleItem().Reference.ShouldBe($"Patient/{profile.Id}");

        var ihot = all.Single(o => o.Code.Coding.Any(c => c.Code == "ihot-12"));
        ihot.Code.Coding.ShouldHaveSingleItem().System.ShouldBe(FhirCareResources.ObservationSystem);
        ihot.Value.ShouldBeOfType<Quantity>().Value.ShouldBe(40m);

        var hoosScores = all.Single(o => o.Code.Coding.Any(c => c.Code == "hoos"));
        hoosScores.Value.ShouldBeNull();
        hoosScores.Component.Select(c => c.Code.Coding[0].Code).ShouldBe(["Symptoms", "Pain", "DailyLiving", "SportAndRecreation", "QualityOfLife"]);
        hoosScores.Component[0].Value.ShouldBeNull();
        hoosScores.Component[0].DataAbsentReason!.Coding[0].Code.ShouldBe("not-performed");
        hoosScores.Component[1].Value.ShouldBeOfType<Quantity>().Value.ShouldBe(75m);

        var triage = all.Single(o => o.Code.Coding.Any(c => c.Code == FhirCareResources.TriageCode));
        triage.Value.ShouldBeOfType<CodeableConcept>().Coding.ShouldHaveSingleItem().Code.ShouldBe("Routine");
        triage.DerivedFrom.ShouldHaveSingleItem().Reference.ShouldBe($"QuestionnaireResponse/{form}");
        triage.Identifier.ShouldHaveSingleItem().Value.ShouldBe(form.ToString());

        (await MatchesAsync<Observation>(await patient.GetAsync($"/fhir/Observation?patient={profile.Id}&code=http://loinc.org|72514-3")))
            .ShouldHaveSingleItem().Value.ShouldBeOfType<Quantity>().Value.ShouldBe(5m);
        (await MatchesAsync<Observation>(await patient.GetAsync($"/fhir/Observation?patient={profile.Id}&code=hoos"))).ShouldHaveSingleItem();
        await OutcomeAsync(await (await scenario.FrontDeskAsync(factory)).GetAsync($"/fhir/Observation?patient={profile.Id}"),
            HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        var (stranger, _) = await factory.NewPatientClientAsync();
        await OutcomeAsync(await stranger.GetAsync($"/fhir/Observation?patient={profile.Id}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);

        var trail = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={profile.Id}&pageSize=200"))!["items"]!.AsArray()
            .Select(r => r!["action"]!.GetValue<string>()).ToList();
        trail.Count(a => a == "FhirSearchObservation").ShouldBe(3);
    }

    [Fact]
    public async Task Everything_GivesEachCallerWhatTheyMayReadOfTheRecord_PatientTheirOwn_ClinicianAll_FrontDeskDemographicsAndAppointments()
    {
        var care = await CareAsync();
        await AddAsync(care, Physiotherapy());
        await AddAsync(care, Referral());
        await OkAsync(await care.Clinician.PostAsync($"/api/treatment-plans/{care.PlanId}/activate", null));
        (await care.Patient.PostAsJsonAsync($"/api/patients/{care.PatientId}/outcomes", new { instrument = "Nprs", score = 4 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await CreatedAsync(await care.Patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine())));
        var path = $"/fhir/Patient/{care.PatientId}/$everything";

        static async Task<List<string>> TypesAsync(HttpResponseMessage response) =>
            [.. (await FhirAsync<Bundle>(response)).Entry.Select(e => e.Resource!.TypeName).Distinct()];
        (await TypesAsync(await care.Patient.GetAsync(path))).ShouldBe(
            ["Patient", "Appointment", "Practitioner", "Questionnaire", "QuestionnaireResponse", "Observation", "Condition", "CarePlan"], ignoreOrder: true);
        (await TypesAsync(await care.Clinician.GetAsync(path))).ShouldBe(
            ["Patient", "Appointment", "Practitioner", "Questionnaire", "QuestionnaireResponse", "Observation", "Condition", "CarePlan", "ServiceRequest"], ignoreOrder: true);
        (await TypesAsync(await (await care.Scenario.FrontDeskAsync(factory)).GetAsync(path))).ShouldBe(["Patient", "Appointment", "Practitioner"], ignoreOrder: true);

        var first = await FhirAsync<Bundle>(await care.Clinician.GetAsync($"{path}?_count=3"));
        first.Entry.Count.ShouldBe(3);
        first.Entry[0].Resource.ShouldBeOfType<Patient>().Id.ShouldBe(care.PatientId.ToString());
        var rest = await FhirAsync<Bundle>(await care.Clinician.GetAsync(new Uri(Next(first).ShouldNotBeNull()).PathAndQuery));
        rest.Entry.ShouldNotBeEmpty();

        var (stranger, _) = await factory.NewPatientClientAsync();
        await OutcomeAsync(await stranger.GetAsync(path), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        var trail = (await care.Scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={care.PatientId}&pageSize=200"))!["items"]!.AsArray()
            .Where(r => r!["action"]!.GetValue<string>() == "FhirPatientEverything")
            .Select(r => (Outcome: r!["outcome"]!.GetValue<string>(), TraceId: r["traceId"]!.GetValue<string>())).ToList();
        trail.Where(r => r.Outcome == "Success").Select(r => r.TraceId).Distinct().Count().ShouldBe(5);
        trail.Count(r => r.Outcome != "Success").ShouldBe(1, "the stranger's refusal is recorded too");
    }

    [Fact]
    public async Task Everything_PagedInSmallPages_GivesTheWholeRecordOnceInOrder()
    {
        var care = await CareAsync();
        await AddAsync(care, Physiotherapy());
        await AddAsync(care, Referral());
        await OkAsync(await care.Clinician.PostAsync($"/api/treatment-plans/{care.PlanId}/activate", null));
        (await care.Patient.PostAsJsonAsync($"/api/patients/{care.PatientId}/outcomes", new { instrument = "Nprs", score = 4 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await CreatedAsync(await care.Patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine())));
        await CreatedAsync(await care.Patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine())));
        var path = $"/fhir/Patient/{care.PatientId}/$everything";
        static string Key(Resource r) => $"{r.TypeName}/{r.Id ?? (r as Observation)?.Identifier.Single().Value}";

        var whole = await FhirAsync<Bundle>(await care.Clinician.GetAsync($"{path}?_count=200"));
        Next(whole).ShouldBeNull();
        whole.Total.ShouldBe(whole.Entry.Count);
        List<string> paged = [];
        var next = $"{path}?_count=2";
        while (next is not null)
        {
            var page = await FhirAsync<Bundle>(await care.Clinician.GetAsync(next));
            page.Total.ShouldBe(whole.Total);
            page.Entry.Count.ShouldBeLessThanOrEqualTo(2);
            paged.AddRange(page.Entry.Select(e => Key(e.Resource!)));
            next = Next(page) is { } url ? new Uri(url).PathAndQuery : null;
        }

        paged.ShouldBe([.. whole.Entry.Select(e => Key(e.Resource!))]);
        paged.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Everything_AuditsEachResourceItReturns_AndThePatientsAccessLogShowsThem()
    {
        var care = await CareAsync();
        await AddAsync(care, Referral());
        await OkAsync(await care.Clinician.PostAsync($"/api/treatment-plans/{care.PlanId}/activate", null));
        (await care.Patient.PostAsJsonAsync($"/api/patients/{care.PatientId}/outcomes", new { instrument = "Nprs", score = 4 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await CreatedAsync(await care.Patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine())));

        var bundle = await FhirAsync<Bundle>(await care.Clinician.GetAsync($"/fhir/Patient/{care.PatientId}/$everything"));

        var returned = bundle.Entry.Select(e => e.Resource!)
            .Select(r => $"{r.TypeName}/{r.Id ?? (r as Observation)?.Identifier.Single().Value}").ToList();
        returned.Count.ShouldBeGreaterThan(8);
        var audited = (await care.Scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={care.PatientId}&pageSize=200"))!["items"]!.AsArray()
            .Where(r => r!["action"]!.GetValue<string>() == "FhirPatientEverything")
            .Select(r => $"{r!["resourceType"]!.GetValue<string>()}/{r["resourceId"]?.GetValue<string>()}").ToList();
        audited.ShouldBe(returned, ignoreOrder: true);

        var log = (await care.Patient.GetFromJsonAsync<JsonArray>("/api/patients/me/access-log"))!
            .Where(e => e!["action"]!.GetValue<string>() == "FhirPatientEverything").ToList();
        log.Count.ShouldBe(returned.Count);
        log.Select(e => e!["resourceType"]!.GetValue<string>()).Distinct()
            .ShouldBe(bundle.Entry.Select(e => e.Resource!.TypeName).Distinct(), ignoreOrder: true);
        log.ShouldContain(e => e!["description"]!.GetValue<string>().EndsWith("read your condition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Include_AddsTheReferencedResourcesOnce_AndRefusesWhatItDoesNotServe()
    {
        var care = await CareAsync();
        await OkAsync(await care.Clinician.PostAsync($"/api/treatment-plans/{care.PlanId}/activate", null));
        await CreatedAsync(await care.Patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine())));

        var appointments = await FhirAsync<Bundle>(await care.Clinician.GetAsync(
            $"/fhir/Appointment?patient={care.PatientId}&_include=Appointment:practitioner&_include=Appointment:patient"));
        appointments.Entry.Where(e => e.Search!.Mode == Bundle.SearchEntryMode.Match).ShouldHaveSingleItem().Resource.ShouldBeOfType<Appointment>();
        appointments.Entry.Where(e => e.Search!.Mode == Bundle.SearchEntryMode.Include).Select(e => $"{e.Resource!.TypeName}/{e.Resource.Id}")
            .ShouldBe([$"Practitioner/{care.Scenario.ClinicianId}", $"Patient/{care.PatientId}"], ignoreOrder: true);
        appointments.Total.ShouldBe(1);

        var conditions = await FhirAsync<Bundle>(await care.Patient.GetAsync($"/fhir/Condition?patient={care.PatientId}&_include=Condition:subject"));
        conditions.Entry.Single(e => e.Search!.Mode == Bundle.SearchEntryMode.Include).Resource.ShouldBeOfType<Patient>().Id.ShouldBe(care.PatientId.ToString());
        var responses = await FhirAsync<Bundle>(await care.Patient.GetAsync(
            $"/fhir/QuestionnaireResponse?patient={care.PatientId}&_include=QuestionnaireResponse:questionnaire"));
        responses.Entry.Single(e => e.Search!.Mode == Bundle.SearchEntryMode.Include).Resource.ShouldBeOfType<Questionnaire>().Version.ShouldBe("3");
        (await FhirAsync<Bundle>(await care.Patient.GetAsync($"/fhir/CarePlan?patient={care.PatientId}&_include=CarePlan:subject")))
            .Entry.Count(e => e.Search!.Mode == Bundle.SearchEntryMode.Include).ShouldBe(1);

        await OutcomeAsync(await care.Clinician.GetAsync("/fhir/Appointment?_include=Appointment:patient"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        await OutcomeAsync(await care.Clinician.GetAsync($"/fhir/Condition?patient={care.PatientId}&_include=Condition:encounter"),
            HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        await OutcomeAsync(await care.Clinician.GetAsync("/fhir/Practitioner?_include=Practitioner:location"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }
}
