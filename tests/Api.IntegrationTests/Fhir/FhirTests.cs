using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>The FHIR R4 endpoint through HTTP, with real tokens: every answer is read strictly and validated against the base R4 specification.</summary>
public class FhirTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<(HttpClient Client, PatientProfile Profile)> PatientAsync(string familyName, string dateOfBirth = "1990-01-02")
    {
        var email = $"fhir-{Guid.NewGuid():N}@example.com";
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new
        {
            email, password = PatientPassword, givenName = "Alex", familyName, dateOfBirth, phone = $"+61 4{Random.Shared.Next(10_000_000, 99_999_999)}",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var client = await factory.SignedInClientAsync(email, PatientPassword);
        var patientId = (await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["patientId"]!.GetValue<Guid>();
        return (client, (await client.GetFromJsonAsync<PatientProfile>($"/api/patients/{patientId}", Json))!);
    }

    [Fact]
    public async Task Metadata_Anonymous_ListsExactlyTheServedResourcesAndSearchParameters()
    {
        var statement = await FhirAsync<CapabilityStatement>(await factory.CreateClient().GetAsync("/fhir/metadata"));

        statement.FhirVersion.ShouldBe(FHIRVersion.N4_0_1);
        statement.Kind.ShouldBe(CapabilityStatementKind.Instance);
        var claimed = statement.Rest.ShouldHaveSingleItem().Resource
            .SelectMany(r => r.Interaction.Select(i => i.Code switch
            {
                CapabilityStatement.TypeRestfulInteraction.Read => $"GET /fhir/{r.Type}/{{id}}",
                CapabilityStatement.TypeRestfulInteraction.SearchType => $"GET /fhir/{r.Type}",
                _ => $"unexpected {i.Code}",
            }))
            .Concat(statement.Rest[0].Resource.SelectMany(r => r.Operation.Select(o => o.Name == "export" ? $"GET /fhir/{r.Type}/$export" : $"GET /fhir/{r.Type}/{{id}}/${o.Name}")))
            .Concat(statement.Rest[0].Operation.Select(o => $"GET /fhir/${o.Name}"))
            .Append("GET /fhir/metadata").Append("GET /fhir/.well-known/smart-configuration")
            // The Bulk Data status and file URLs, which the kick-off and the manifest hand out.
            .Append("GET /fhir/$export-status/{id}").Append("DELETE /fhir/$export-status/{id}").Append("GET /fhir/$export-file/{id}/{name}");
        var served = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/fhir", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                $"{m} {e.RoutePattern.RawText!.Replace("{id:guid}", "{id}", StringComparison.Ordinal)}"));
        claimed.ShouldBe(served, ignoreOrder: true);
        statement.Rest[0].Resource.Single(r => r.Type == "Patient").SearchParam.Select(p => p.Name)
            .ShouldBe(["_id", "_lastUpdated", "name", "birthdate", "identifier", "phone", "email"], ignoreOrder: true);
    }

    [Fact]
    public async Task SearchPatient_ByNameWithCount_PagesWithNextLinksUntilTheLastPage()
    {
        var family = $"Paging{Guid.NewGuid():N}"[..20];
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await PatientAsync(family)).Profile.Id);
        }

        var admin = await factory.AdminClientAsync();
        var first = await FhirAsync<Bundle>(await admin.GetAsync($"/fhir/Patient?name={family.ToLowerInvariant()}&_count=2"));
        first.Type.ShouldBe(Bundle.BundleType.Searchset);
        first.Total.ShouldBe(3);
        first.Entry.Count.ShouldBe(2);
        var next = Next(first).ShouldNotBeNull();
        next.ShouldContain("_count=2");

        var second = await FhirAsync<Bundle>(await admin.GetAsync(new Uri(next).PathAndQuery));
        second.Entry.ShouldHaveSingleItem();
        Next(second).ShouldBeNull();
        first.Entry.Concat(second.Entry).Select(e => Guid.Parse(e.Resource!.Id!)).ShouldBe(created, ignoreOrder: true);
        first.Entry[0].FullUrl.ShouldEndWith($"/fhir/Patient/{first.Entry[0].Resource!.Id}");
    }

    [Fact]
    public async Task ReadAndSearchPatient_AsStaff_MapNameBirthDateIdentifierPhoneAndEmail()
    {
        var family = $"Mapped{Guid.NewGuid():N}"[..20];
        var (_, profile) = await PatientAsync(family, "1987-06-15");
        var clinician = await (await CreateAsync(factory)).ClinicianClientAsync(factory);

        var patient = await FhirAsync<Patient>(await clinician.GetAsync($"/fhir/Patient/{profile.Id}"));
        patient.Name.ShouldHaveSingleItem().Family.ShouldBe(family);
        patient.Name[0].Given.ShouldBe(["Alex"]);
        patient.BirthDate.ShouldBe("1987-06-15");
        patient.Identifier.ShouldHaveSingleItem().Value.ShouldBe(profile.Id.ToString());
        patient.Telecom.Single(t => t.System == ContactPoint.ContactPointSystem.Email).Value.ShouldBe(profile.Email);
        patient.Telecom.Single(t => t.System == ContactPoint.ContactPointSystem.Phone).Value.ShouldBe(profile.Phone);

        async Task<IEnumerable<string>> Found(string query) =>
            (await FhirAsync<Bundle>(await clinician.GetAsync($"/fhir/Patient?{query}"))).Entry.Select(e => e.Resource!.Id!);
        (await Found($"identifier={FhirResources.PatientIdentifierSystem}|{profile.Id}")).ShouldBe([profile.Id.ToString()]);
        (await Found($"identifier=http://other.example/ids|{profile.Id}")).ShouldBeEmpty();
        (await Found($"email={Uri.EscapeDataString(profile.Email.ToUpperInvariant())}")).ShouldBe([profile.Id.ToString()]);
        (await Found($"phone={Uri.EscapeDataString(profile.Phone)}")).ShouldBe([profile.Id.ToString()]);
        (await Found($"name={family}&birthdate=1987-06-15")).ShouldBe([profile.Id.ToString()]);
        (await Found($"name={family}&birthdate=1987-06-16")).ShouldBeEmpty();
        (await Found($"name={family}&_lastUpdated=ge{DateTime.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ss}Z")).ShouldBe([profile.Id.ToString()]);
        (await Found($"name={family}&_lastUpdated=lt2000-01-01")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadPatient_AnotherPatientsRecord_Answers404OperationOutcome_AndTheirSearchFindsOnlyThemselves()
    {
        var (owner, ownerProfile) = await PatientAsync("Owner");
        var (_, otherProfile) = await PatientAsync("Other");

        var refused = await OutcomeAsync(await owner.GetAsync($"/fhir/Patient/{otherProfile.Id}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        refused.ToString().ShouldNotContain(otherProfile.Email);
        (await FhirAsync<Patient>(await owner.GetAsync($"/fhir/Patient/{ownerProfile.Id}"))).Id.ShouldBe(ownerProfile.Id.ToString());
        var search = await FhirAsync<Bundle>(await owner.GetAsync("/fhir/Patient"));
        search.Entry.ShouldHaveSingleItem().Resource!.Id.ShouldBe(ownerProfile.Id.ToString());
        (await FhirAsync<Bundle>(await owner.GetAsync($"/fhir/Patient?_id={otherProfile.Id}"))).Entry.ShouldBeEmpty();
    }

    [Fact]
    public async Task Errors_UnderFhir_AreOperationOutcomes_WhileTheRestApiKeepsProblemDocuments()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await PatientAsync("Errors");
        var frontDesk = await scenario.FrontDeskAsync(factory);

        await OutcomeAsync(await factory.CreateClient().GetAsync($"/fhir/Patient/{profile.Id}"), HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
        await OutcomeAsync(await frontDesk.GetAsync($"/fhir/Condition?patient=Patient/{profile.Id}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await OutcomeAsync(await patient.GetAsync("/fhir/Encounter"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        var unsupported = await OutcomeAsync(await patient.GetAsync("/fhir/Patient?gender=female"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        unsupported.Issue[0].Expression.ShouldBe(["gender"]);
        await OutcomeAsync(await patient.GetAsync("/fhir/Appointment?date=tomorrow"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        var today = DateTime.UtcNow.Date;
        var closed = await OutcomeAsync(await patient.GetAsync($"/fhir/Appointment?date=ge{today.AddDays(2):yyyy-MM-dd}&date=lt{today.AddDays(1):yyyy-MM-dd}"),
            HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        closed.Issue[0].Expression.ShouldBe(["to"], "a window that closes before it opens is refused by the appointment list's own rule");
        await OutcomeAsync(await patient.GetAsync("/fhir/Patient?_count=0"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);

        await (await patient.GetAsync($"/api/patients/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await factory.CreateClient().GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SearchAppointment_ByPatientPractitionerDateAndStatus_FindsTheBookingsThatMatch()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await PatientAsync("Booked");
        var first = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9))));
        var second = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.TelehealthReviewId, Local(6, 10), "Telehealth")));
        (await patient.PostAsJsonAsync($"/api/appointments/{second["id"]}/cancel", new { reason = "Work" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        async Task<List<Appointment>> Found(HttpClient caller, string query) =>
            [.. (await FhirAsync<Bundle>(await caller.GetAsync($"/fhir/Appointment?{query}"))).Entry.Select(e => (Appointment)e.Resource!)];
        var byPatient = await Found(frontDesk, $"patient=Patient/{profile.Id}");
        byPatient.Select(a => a.Id).ShouldBe([first["id"]!.ToString(), second["id"]!.ToString()]);
        byPatient[0].Status.ShouldBe(Appointment.AppointmentStatus.Booked);
        byPatient[0].Participant.Select(p => p.Actor!.Reference!).Take(2).ShouldBe([$"Patient/{profile.Id}", $"Practitioner/{scenario.ClinicianId}"]);
        byPatient[0].Participant.Skip(2).ShouldHaveSingleItem().Actor!.Reference!.ShouldStartWith("Location/", customMessage: "an in-person appointment names its location");
        byPatient[1].Participant.Count.ShouldBe(2, "a telehealth appointment has no location");
        byPatient[0].Start.ShouldBe(Local(5, 9));
        byPatient[1].Status.ShouldBe(Appointment.AppointmentStatus.Cancelled);
        byPatient[1].CancelationReason!.Coding[0].Code.ShouldBe("Work");

        (await Found(frontDesk, $"patient=Patient/{profile.Id}&status=cancelled")).ShouldHaveSingleItem().Id.ShouldBe(second["id"]!.ToString());
        var day = Local(5, 9).UtcDateTime.Date;
        (await Found(frontDesk, $"practitioner=Practitioner/{scenario.ClinicianId}&date=ge{day:yyyy-MM-dd}&date=lt{day.AddDays(1):yyyy-MM-dd}"))
            .ShouldHaveSingleItem().Id.ShouldBe(first["id"]!.ToString());
        (await Found(patient, "date=gt2000-01-01")).Count.ShouldBe(2);

        var read = await FhirAsync<Appointment>(await patient.GetAsync($"/fhir/Appointment/{first["id"]}"));
        read.ServiceType[0].Text.ShouldStartWith("Follow-up");
        var (stranger, _) = await PatientAsync("Stranger");
        await OutcomeAsync(await stranger.GetAsync($"/fhir/Appointment/{first["id"]}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }

    [Fact]
    public async Task Condition_FromASignedAssessment_CodesIcd10WhereTheCatalogueHasOne_AndOnlyClinicalReadersSeeIt()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await PatientAsync("Diagnosed");
        var booked = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))));
        var clinician = await scenario.ClinicianClientAsync(factory);
        var assessment = await CreatedAsync(await clinician.PostAsJsonAsync("/api/assessments", new
        {
            patientId = profile.Id, appointmentId = booked["id"], content = new
            {
                subjectiveSummary = "Lateral hip pain lying on the left side.",
                diagnoses = new object[]
                {
                    new { condition = "TrochantericBursitis", side = "Left", certainty = "Confirmed", isPrimary = true },
                    new { condition = "LabralTear", side = "Left", certainty = "Provisional", isPrimary = false },
                },
            },
        }));
        var assessmentId = assessment["id"]!.GetValue<Guid>();
        (await FhirAsync<Bundle>(await clinician.GetAsync($"/fhir/Condition?patient=Patient/{profile.Id}"))).Entry.ShouldBeEmpty("a draft has no diagnoses yet");
        (await clinician.PostAsync($"/api/assessments/{assessmentId}/sign", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var conditions = (await FhirAsync<Bundle>(await clinician.GetAsync($"/fhir/Condition?patient={profile.Id}"))).Entry.Select(e => (Condition)e.Resource!).ToList();
        conditions.Count.ShouldBe(2);
        conditions[0].Code!.Coding.Select(c => (c.System, c.Code)).ShouldBe([
            (FhirResources.Icd10System, "M70.6"), (FhirResources.HipConditionSystem, "TrochantericBursitis")]);
        conditions[0].VerificationStatus!.Coding[0].Code.ShouldBe("confirmed");
        conditions[1].Code!.Coding.ShouldHaveSingleItem().System.ShouldBe(FhirResources.HipConditionSystem);
        conditions[1].VerificationStatus!.Coding[0].Code.ShouldBe("provisional");
        conditions[0].Subject!.Reference.ShouldBe($"Patient/{profile.Id}");
        conditions[0].Asserter!.Reference.ShouldBe($"Practitioner/{scenario.ClinicianId}");

        (await FhirAsync<Condition>(await patient.GetAsync($"/fhir/Condition/{conditions[1].Id}"))).Id.ShouldBe(conditions[1].Id);
        await OutcomeAsync(await patient.GetAsync($"/fhir/Condition/{assessmentId}-3"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        var (stranger, _) = await PatientAsync("Stranger");
        await OutcomeAsync(await stranger.GetAsync($"/fhir/Condition/{conditions[0].Id}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await (await scenario.FrontDeskAsync(factory)).GetAsync($"/fhir/Condition/{conditions[0].Id}"),
            HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    [Fact]
    public async Task Practitioner_ReadAndSearch_ShowTheBookableClinicians()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await PatientAsync("Looking");

        var practitioner = await FhirAsync<Practitioner>(await patient.GetAsync($"/fhir/Practitioner/{scenario.ClinicianId}"));
        practitioner.Qualification.ShouldHaveSingleItem().Code!.Coding[0].Code.ShouldBe("Physiotherapist");
        var found = await FhirAsync<Bundle>(await patient.GetAsync($"/fhir/Practitioner?_id={scenario.ClinicianId}"));
        found.Entry.ShouldHaveSingleItem().Resource!.Id.ShouldBe(scenario.ClinicianId.ToString());
        await OutcomeAsync(await patient.GetAsync($"/fhir/Practitioner/{Guid.NewGuid()}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }

    [Fact]
    public async Task SearchSlot_ForAScheduleAndWindow_GivesTheFreeSlotsOfTheAvailabilityUseCase()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await PatientAsync("Slots");
        var (from, to) = (Local(3, 0).ToUniversalTime(), Local(4, 0).ToUniversalTime());
        var window = $"start=ge{from:yyyy-MM-ddTHH:mm:ss}Z&start=lt{to:yyyy-MM-ddTHH:mm:ss}Z";
        var rest = (await patient.GetFromJsonAsync<JsonArray>(
            $"/api/availability?appointmentTypeId={scenario.FollowUpId}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&clinicianId={scenario.ClinicianId}"))!;
        rest.Count.ShouldBeGreaterThan(10);

        var schedule = await FhirAsync<Schedule>(await patient.GetAsync($"/fhir/Schedule/{scenario.ClinicianId}"));
        schedule.Actor.ShouldHaveSingleItem().Reference.ShouldBe($"Practitioner/{scenario.ClinicianId}");
        (await FhirAsync<Bundle>(await patient.GetAsync($"/fhir/Schedule?actor=Practitioner/{scenario.ClinicianId}"))).Entry.ShouldHaveSingleItem();
        var slots = await FhirAsync<Bundle>(await patient.GetAsync(
            $"/fhir/Slot?schedule=Schedule/{scenario.ClinicianId}&service-type={scenario.FollowUpId}&{window}&status=free&_count=200"));
        slots.Total.ShouldBe(rest.Count);
        slots.Entry.Select(e => ((Slot)e.Resource!).Start).ShouldBe(rest.Select(s => (DateTimeOffset?)s!["start"]!.GetValue<DateTimeOffset>()));
        slots.Entry.ShouldAllBe(e => ((Slot)e.Resource!).Status == Slot.SlotStatus.Free);

        await OutcomeAsync(await patient.GetAsync($"/fhir/Slot?service-type={scenario.FollowUpId}&start=ge2026-01-01&start=lt2026-03-01"),
            HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        await OutcomeAsync(await patient.GetAsync($"/fhir/Slot?service-type={scenario.FollowUpId}&{window}&status=busy"),
            HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        await OutcomeAsync(await patient.GetAsync($"/fhir/Slot?{window}"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public async Task FhirReads_AreAudited_AsTheRestReadsAre()
    {
        var (_, profile) = await PatientAsync("Audited");
        var clinician = await (await CreateAsync(factory)).ClinicianClientAsync(factory);
        (await clinician.GetAsync($"/fhir/Patient/{profile.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clinician.GetAsync($"/fhir/Patient?_id={profile.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = (await (await factory.AdminClientAsync()).GetFromJsonAsync<JsonObject>($"/api/audit?patientId={profile.Id}&pageSize=200"))!["items"]!.AsArray();
        trail.Select(r => r!["action"]!.GetValue<string>()).ShouldContain("FhirReadPatient");
        trail.Select(r => r!["action"]!.GetValue<string>()).ShouldContain("FhirSearchPatient");
        trail.ShouldAllBe(r => r!["resourceType"]!.GetValue<string>() == "Patient");
        TestContext.Current.SendDiagnosticMessage($"FHIR validation warnings so far: {FhirValidation.Warnings.Count}");
    }

    [Fact]
    public async Task FhirDocument_ListsEveryFhirOperation_WithItsSearchParametersAndFhirJsonAnswers()
    {
        var document = await OpenApi.SwaggerJson.LoadAsync(factory, "fhir");
        var operations = OpenApi.SwaggerJson.Operations(document);

        operations.Select(o => o.Name).ShouldBe(
            ["GET /fhir/metadata", "GET /fhir/.well-known/smart-configuration", "GET /fhir/Patient", "GET /fhir/Patient/{id}", "GET /fhir/Patient/{id}/$everything", "GET /fhir/Practitioner", "GET /fhir/Practitioner/{id}",
             "GET /fhir/Schedule", "GET /fhir/Schedule/{id}", "GET /fhir/Location", "GET /fhir/Location/{id}", "GET /fhir/Slot",
             "GET /fhir/Appointment", "GET /fhir/Appointment/{id}", "GET /fhir/Condition", "GET /fhir/Condition/{id}",
             "GET /fhir/Questionnaire", "GET /fhir/Questionnaire/{id}", "GET /fhir/QuestionnaireResponse", "GET /fhir/QuestionnaireResponse/{id}",
             "GET /fhir/CarePlan", "GET /fhir/CarePlan/{id}", "GET /fhir/ServiceRequest", "GET /fhir/ServiceRequest/{id}", "GET /fhir/Observation",
             "GET /fhir/$export", "GET /fhir/Patient/$export", "GET /fhir/$export-status/{id}", "DELETE /fhir/$export-status/{id}", "GET /fhir/$export-file/{id}/{name}"],
            ignoreOrder: true);
        operations.Single(o => o.Name == "GET /fhir/Appointment").Parameters.Select(p => p["name"]!.GetValue<string>())
            .ShouldBe(["patient", "practitioner", "date", "status", "_count", "_include"]);
        operations.Single(o => o.Name == "GET /fhir/$export").Parameters.Select(p => p["name"]!.GetValue<string>()).ShouldBe(["Prefer", "_type", "_since", "_outputFormat"]);
        operations.Single(o => o.Name == "GET /fhir/Patient/$export").Parameters.Select(p => p["name"]!.GetValue<string>()).ShouldBe(["Prefer", "_type", "_since", "_outputFormat"]);

        // Bulk Data's status and file answers are what the IG defines (the manifest is plain JSON, the files NDJSON); every other answer is FHIR JSON.
        static bool BulkData(string name) => name.Contains("$export-", StringComparison.Ordinal);
        operations.Where(o => !o.Name.EndsWith("smart-configuration", StringComparison.Ordinal))
            .SelectMany(o => o.Responses.Where(r => !BulkData(o.Name) || r.Key is not ("200" or "202")))
            .ShouldAllBe(r => r.Value!["content"]!.AsObject().Single().Key == "application/fhir+json");
        operations.Single(o => o.Name == "GET /fhir/$export-file/{id}/{name}").Responses["200"]!["content"]!.AsObject().Single().Key.ShouldBe("application/fhir+ndjson");
        operations.Single(o => o.Name == "GET /fhir/$export-status/{id}").Responses["200"]!["content"]!.AsObject().Single().Key.ShouldBe("application/json");
        (await OpenApi.SwaggerJson.LoadAsync(factory)).ToJsonString().ShouldNotContain("/fhir/");
    }

    [Fact]
    public async Task Location_SearchedByNameOrIdAndRead_AndNamedByTheInPersonAppointmentsHeldThere()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var booked = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(6, 10))));
        var locationId = booked["locationId"]!.GetValue<Guid>();
        var name = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/locations/{locationId}"))!["name"]!.GetValue<string>();

        var location = await FhirAsync<Location>(await patient.GetAsync($"/fhir/Location/{locationId}"));

        location.Name.ShouldBe(name);
        location.Status.ShouldBe(Location.LocationStatus.Active);
        (await MatchesAsync<Location>(await patient.GetAsync($"/fhir/Location?name={Uri.EscapeDataString(name[..3].ToUpperInvariant())}")))
            .Select(l => l.Id).ShouldContain(locationId.ToString());
        (await MatchesAsync<Location>(await patient.GetAsync($"/fhir/Location?_id={locationId}"))).ShouldHaveSingleItem().Id.ShouldBe(locationId.ToString());
        (await MatchesAsync<Location>(await patient.GetAsync($"/fhir/Location?name=no-such-{Guid.NewGuid():N}"))).ShouldBeEmpty();
        await OutcomeAsync(await patient.GetAsync($"/fhir/Location/{Guid.NewGuid()}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await patient.GetAsync("/fhir/Location?address=Brisbane"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);

        var appointment = await FhirAsync<Appointment>(await patient.GetAsync($"/fhir/Appointment/{booked["id"]!.GetValue<Guid>()}"));
        appointment.Participant.Select(p => p.Actor!.Reference).ShouldContain($"Location/{locationId}");
    }
}
