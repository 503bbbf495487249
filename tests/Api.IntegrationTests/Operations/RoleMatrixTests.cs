using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// The access matrix of docs/access-matrix.md: every GET that takes a resource id, for anonymous, the owning patient,
/// another patient, the front desk, the clinician, an administrator and an integration client holding every scope. Refusals
/// carry none of the owner's data.
/// </summary>
public class RoleMatrixTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const int Unauthorized = 401, Forbidden = 403, NotFound = 404, Conflict = 409, Ok = 200;

    /// <summary>Route → expected status for: anonymous, owner, other patient, front desk, clinician, admin, an integration client holding every scope.</summary>
    private static readonly Dictionary<string, int[]> Matrix = new()
    {
        ["/api/patients/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/api/patients/{patientId}/appointments"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/api/patients/{patientId}/history"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden],
        ["/api/staff/{id}"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden],
        ["/api/locations/{id}"] = [Unauthorized, Ok, Ok, Ok, Ok, Ok, Ok],
        ["/api/clinicians/{id}/working-hours"] = [Unauthorized, Forbidden, Forbidden, Ok, Ok, Ok, Forbidden],
        ["/api/clinicians/{id}/time-off"] = [Unauthorized, Forbidden, Forbidden, Ok, Ok, Ok, Forbidden],
        ["/api/clinicians/{id}/calendar.ics"] = [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ["/api/appointments/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/api/appointments/series/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/api/waitlist/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Forbidden],
        ["/api/appointments/{id}/telehealth"] = [Unauthorized, Conflict, NotFound, Forbidden, Conflict, Conflict, Forbidden],
        ["/api/intake-forms/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Forbidden],
        ["/api/patients/{patientId}/intake-forms"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Forbidden],
        ["/api/patients/{patientId}/running-load"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/patients/{patientId}/outcomes"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/patients/{patientId}/training-runs"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/assessments/{id}"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/patients/{patientId}/assessments"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/treatment-plans/{id}"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/patients/{patientId}/treatment-plans"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/api/treatment-plans/{id}/referral-summary"] = [Unauthorized, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Forbidden],
        ["/api/integration-clients/{id}"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, Forbidden],
        // The subscription is the Admin's: a client sees only its own (WebhookOwnershipTests), so another's is 404.
        ["/api/webhooks/{id}"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, NotFound],
        // A sale to the owner, issued and paid at the desk; the clinician provided no service on it.
        ["/api/invoices/{id}"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/payments/{id}"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/billing/patients/{patientId}/account"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/invoices/{id}/pdf"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/invoices/{id}/credit-notes/{creditNoteId}/pdf"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/payments/{id}/receipt"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/billing/patients/{patientId}/statement"] = [Unauthorized, Ok, NotFound, Ok, NotFound, Ok, Ok],
        ["/api/webhooks/{id}/deliveries"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, NotFound],
        ["/fhir/Patient/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/fhir/Patient/{id}/$everything"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/fhir/Practitioner/{id}"] = [Unauthorized, Ok, Ok, Ok, Ok, Ok, Ok],
        ["/fhir/Schedule/{id}"] = [Unauthorized, Ok, Ok, Ok, Ok, Ok, Ok],
        ["/fhir/Location/{id}"] = [Unauthorized, Ok, Ok, Ok, Ok, Ok, Ok],
        ["/fhir/Appointment/{id}"] = [Unauthorized, Ok, NotFound, Ok, Ok, Ok, Ok],
        ["/fhir/Condition/{id}"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/fhir/Questionnaire/{id}"] = [Unauthorized, Ok, Ok, Ok, Ok, Ok, Forbidden],
        ["/fhir/QuestionnaireResponse/{id}"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/fhir/CarePlan/{id}"] = [Unauthorized, Ok, NotFound, Forbidden, Ok, Forbidden, Forbidden],
        ["/fhir/ServiceRequest/{id}"] = [Unauthorized, Forbidden, Forbidden, Forbidden, NotFound, Forbidden, Forbidden],
        // The administrator's bulk export: a system-level operation; another requester (the client) gets 404.
        ["/fhir/$export-status/{id}"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, NotFound],
        ["/fhir/$export-file/{id}/{name}"] = [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Ok, NotFound],
    };

    private static readonly string[] Roles = ["anonymous", "owner", "other patient", "front desk", "clinician", "admin", "integration client"];

    private static readonly string[] BookedEvents = ["appointment.booked"];

    // The REST document and the FHIR document (docs/decisions/0021).
    private static readonly string[] Documents = ["v1", "fhir"];

    [Fact]
    public async Task EveryIdTakingRead_AnswersEachRoleAsDocumented_WithNoDataInRefusals()
    {
        var world = await WorldAsync();
        var documented = (await Task.WhenAll(Documents.Select(document => factory.CreateClient().GetStringAsync($"/swagger/{document}/swagger.json"))))
            .SelectMany(json => JsonNode.Parse(json)!["paths"]!.AsObject())
            .Where(p => p.Key.Contains('{', StringComparison.Ordinal) && p.Value!.AsObject().ContainsKey("get")).Select(p => p.Key).ToList();
        documented.ShouldBe(Matrix.Keys, ignoreOrder: true, "every GET that takes an id must be in the matrix (and in docs/access-matrix.md)");

        var mismatches = new List<string>();
        var cases = 0;
        foreach (var (route, expected) in Matrix)
        {
            for (var role = 0; role < Roles.Length; role++)
            {
                cases++;
                var response = await world.Callers[role].GetAsync(world.Fill(route));
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != expected[role])
                {
                    mismatches.Add($"{route} as {Roles[role]}: {(int)response.StatusCode}, documented {expected[role]}");
                }

                if ((int)response.StatusCode is Unauthorized or Forbidden or NotFound && (body.Contains(world.OwnerEmail, StringComparison.Ordinal) || body.Contains("Quinn", StringComparison.Ordinal)))
                {
                    mismatches.Add($"{route} as {Roles[role]}: a refusal disclosed the owner's data");
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"Role matrix: {Matrix.Count} endpoints × {Roles.Length} roles = {cases} cases");
        mismatches.ShouldBeEmpty();
    }

    private sealed record World(HttpClient[] Callers, Dictionary<string, string> Ids, string OwnerEmail)
    {
        public string Fill(string route) => Ids.Aggregate(route, (path, id) => path.Replace(id.Key, id.Value, StringComparison.Ordinal));
    }

    /// <summary>A patient ("Quinn") with an appointment, intake form, signed assessment, active plan, outcome and running load.</summary>
    private async Task<World> WorldAsync()
    {
        var scenario = await CreateAsync(factory);
        var email = $"quinn-{Guid.NewGuid():N}@example.com";
        var anonymous = factory.CreateClient();
        var register = await anonymous.PostAsJsonAsync("/api/auth/register", new
        {
            email, password = ApiClientExtensions.PatientPassword, givenName = "Quinn", familyName = "Owner", dateOfBirth = "1988-05-05", phone = "+61 400 555 000",
        });
        register.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var owner = await factory.SignedInClientAsync(email, ApiClientExtensions.PatientPassword);
        var patientId = (await owner.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["patientId"]!.GetValue<Guid>();
        var (other, _) = await factory.NewPatientClientAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        async Task<Guid> IdOf(HttpResponseMessage response)
        {
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        }

        var appointment = await IdOf(await owner.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))));
        var series = await IdOf(await owner.PostAsJsonAsync("/api/appointments/series", new
        {
            clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, firstStart = Local(7, 14), mode = "InPerson", occurrences = 2, repeat = new { everyDays = 7 },
        }));
        var form = await IdOf(await owner.PostAsJsonAsync("/api/intake-forms", Intake.IntakeJson.Form(Intake.IntakeJson.Routine())));
        var waitlistDay = DateOnly.FromDateTime(Local(8, 12).DateTime);
        var waitlistEntry = await IdOf(await owner.PostAsJsonAsync("/api/waitlist", new
        {
            appointmentTypeId = scenario.InitialAssessmentId, mode = "InPerson", from = waitlistDay, to = waitlistDay.AddDays(7),
        }));
        (await owner.PostAsJsonAsync($"/api/patients/{patientId}/outcomes", new { instrument = "Nprs", score = 5 })).EnsureSuccessStatusCode();
        var assessment = await IdOf(await clinician.PostAsJsonAsync("/api/assessments", new
        {
            patientId, appointmentId = appointment, content = new
            {
                subjectiveSummary = "Quinn's outside-of-hip pain.",
                diagnoses = new[] { new { condition = "GlutealTendinopathy", side = "Right", certainty = "Confirmed", isPrimary = true } },
            },
        }));
        (await clinician.PostAsync($"/api/assessments/{assessment}/sign", null)).EnsureSuccessStatusCode();
        var plan = await IdOf(await clinician.PostAsJsonAsync("/api/treatment-plans", new { patientId, assessmentId = assessment, goals = "Quinn runs again", reviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) }));
        (await clinician.PostAsync($"/api/treatment-plans/{plan}/activate", null)).EnsureSuccessStatusCode();
        var staffId = (await clinician.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["staffMemberId"]!.GetValue<Guid>();
        var integration = await factory.IntegrationClientAsync(scenario.Admin, IntegrationClients.AllScopes);
        var location = (await scenario.Admin.GetFromJsonAsync<JsonArray>("/api/locations"))!.First()!["id"]!.GetValue<Guid>();
        var webhook = await IdOf(await scenario.Admin.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hook", events = BookedEvents }));

        var item = await Billing.BillingWorld.ItemAsync(scenario.Admin, "BAND", 1500, "Taxable", "Product");
        var invoice = await IdOf(await frontDesk.PostAsJsonAsync("/api/invoices", new { patientId, items = new[] { new { itemId = item, quantity = 1 } } }));
        (await frontDesk.PostAsync($"/api/invoices/{invoice}/issue", null)).EnsureSuccessStatusCode();
        var credited = await frontDesk.PostAsJsonAsync($"/api/invoices/{invoice}/credit", new { reason = "Price match", amountMinor = 500 });
        var creditNote = (await credited.Content.ReadFromJsonAsync<JsonObject>())!["creditNotes"]!.AsArray()[0]!["id"]!.GetValue<Guid>();
        var payment = await IdOf(await frontDesk.PostAsJsonAsync("/api/payments", new
        {
            patientId, method = "Cash", amountMinor = 1000, allocations = new[] { new { invoiceId = invoice, amountMinor = 1000 } },
        }));

        var exportStatus = await Fhir.BulkExports.StartAsync(scenario.Admin, "/fhir/$export?_type=Practitioner");
        var exportFile = Fhir.BulkExports.Outputs(await Fhir.BulkExports.ManifestAsync(scenario.Admin, exportStatus))[0].Url;

        var idByRoute = new Dictionary<string, string>
        {
            ["{patientId}"] = patientId.ToString(),
            ["{creditNoteId}"] = creditNote.ToString(),
        };
        return new World([anonymous, owner, other, frontDesk, clinician, scenario.Admin, integration.Client], idByRoute, email)
        {
            Ids =
            {
                ["/api/patients/{id}"] = $"/api/patients/{patientId}",
                ["/api/staff/{id}"] = $"/api/staff/{staffId}",
                ["/api/clinicians/{id}"] = $"/api/clinicians/{scenario.ClinicianId}",
                ["/api/locations/{id}"] = $"/api/locations/{location}",
                ["/api/appointments/{id}"] = $"/api/appointments/{appointment}",
                ["/api/appointments/series/{id}"] = $"/api/appointments/series/{series}",
                ["/api/waitlist/{id}"] = $"/api/waitlist/{waitlistEntry}",
                ["/api/intake-forms/{id}"] = $"/api/intake-forms/{form}",
                ["/api/assessments/{id}"] = $"/api/assessments/{assessment}",
                ["/api/treatment-plans/{id}"] = $"/api/treatment-plans/{plan}",
                ["/api/integration-clients/{id}"] = $"/api/integration-clients/{integration.Id}",
                ["/api/webhooks/{id}"] = $"/api/webhooks/{webhook}",
                ["/api/invoices/{id}"] = $"/api/invoices/{invoice}",
                ["/api/payments/{id}"] = $"/api/payments/{payment}",
                ["/fhir/Patient/{id}"] = $"/fhir/Patient/{patientId}",
                ["/fhir/Practitioner/{id}"] = $"/fhir/Practitioner/{scenario.ClinicianId}",
                ["/fhir/Schedule/{id}"] = $"/fhir/Schedule/{scenario.ClinicianId}",
                ["/fhir/Location/{id}"] = $"/fhir/Location/{location}",
                ["/fhir/Appointment/{id}"] = $"/fhir/Appointment/{appointment}",
                ["/fhir/Condition/{id}"] = $"/fhir/Condition/{assessment}-1",
                ["/fhir/Questionnaire/{id}"] = "/fhir/Questionnaire/hip-intake-2",
                ["/fhir/QuestionnaireResponse/{id}"] = $"/fhir/QuestionnaireResponse/{form}",
                ["/fhir/CarePlan/{id}"] = $"/fhir/CarePlan/{plan}",
                ["/fhir/ServiceRequest/{id}"] = $"/fhir/ServiceRequest/{plan}",
                ["/fhir/$export-status/{id}"] = new Uri(exportStatus).AbsolutePath,
                ["/fhir/$export-file/{id}/{name}"] = new Uri(exportFile).AbsolutePath,
            },
        };
    }
}
