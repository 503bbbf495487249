using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>
/// The example bodies in the contract are ones the API accepts, not decoration: on the demo clinic (as in
/// Development) sign-in and booking work exactly as prefilled.
/// </summary>
public class RequestExampleTests(RequestExampleTests.DemoClinicApiFactory factory) : IClassFixture<RequestExampleTests.DemoClinicApiFactory>
{
    public sealed class DemoClinicApiFactory : ClinicApiFactory
    {
        public DemoClinicApiFactory() => Settings["Seed:Demo"] = "true";
    }

    [Fact]
    public async Task EveryRequestBody_CarriesAnExample()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var withBody = SwaggerJson.Operations(document).Where(op => op.Operation["requestBody"] is not null && !SwaggerJson.IsFileUpload(op.Operation)).ToList();
        var examples = Examples(document);

        withBody.Count.ShouldBeGreaterThan(30);
        withBody.Where(op => !examples.ContainsKey(op.Operation["operationId"]!.GetValue<string>())).Select(op => op.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExampleBodies_OnTheDemoClinic_RegisterSignInAndBookAsWritten_OthersPassValidation()
    {
        var examples = Examples(await SwaggerJson.LoadAsync(factory));
        var anonymous = factory.CreateClient();

        // Registering with the example works; the sign-in example is the demo patient's login.
        (await anonymous.PostAsync("/api/auth/register", Json(examples["RegisterPatient"]))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var tokens = await ApiClientExtensions.OkAsync(await anonymous.PostAsync("/api/auth/token", Json(examples["IssueToken"])));
        var patient = factory.CreateClient().WithBearer(tokens["accessToken"]!.GetValue<string>());

        // The patient's own intake form is complete as it stands.
        await ApiClientExtensions.CreatedAsync(await patient.PostAsync("/api/intake-forms", Json(examples["SubmitIntakeForm"])));

        // The booking example names the demo patient, clinician and type at a free slot: it books as it stands.
        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsync("/api/appointments", Json(examples["BookAppointment"])));
        booked["patientId"]!.GetValue<string>().ShouldBe(examples["BookAppointment"]["patientId"]!.GetValue<string>());

        // The others name resources of an example clinic: they pass validation and are looked up (404), never refused as malformed (400).
        // The demo clinic has two locations: working hours name theirs.
        var scenario = await ClinicScenario.CreateAsync(factory, ClinicScenario.MainLocationId);

        // An administrator opens the example location and changes it with the update example, as written.
        var opened = await ApiClientExtensions.CreatedAsync(await scenario.Admin.PostAsync("/api/locations", Json(examples["CreateLocation"])));
        await ApiClientExtensions.OkAsync(await scenario.Admin.PutAnyVersionAsJsonAsync($"/api/locations/{opened["id"]}", examples["UpdateLocation"]));

        // The front desk registers the example patient as written.
        await ApiClientExtensions.CreatedAsync(await (await scenario.FrontDeskAsync(factory)).PostAsync("/api/patients", Json(examples["CreatePatient"])));
        await (await scenario.Admin.PostAsync("/api/appointments/series", Json(examples["BookAppointmentSeries"]))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var clinician = await scenario.ClinicianClientAsync(factory);
        await (await clinician.PostAsync("/api/assessments", Json(examples["StartAssessment"]))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await clinician.PostAsync("/api/treatment-plans", Json(examples["DraftTreatmentPlan"]))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.PostAsync($"/api/patients/{Guid.NewGuid()}/merge", Json(examples["MergePatient"]))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await anonymous.PostAsync("/api/auth/claim", Json(examples["ClaimPatientRecord"]))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("invitation.invalid");
    }

    private static Dictionary<string, JsonNode> Examples(JsonObject document) => SwaggerJson.Operations(document)
        .Select(op => (Id: op.Operation["operationId"]!.GetValue<string>(), Example: op.Operation["requestBody"]?["content"]?.AsObject().Select(media => media.Value?["example"]).FirstOrDefault()))
        .Where(e => e.Example is not null)
        .ToDictionary(e => e.Id, e => e.Example!);

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
