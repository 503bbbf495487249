using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>
/// Every example body of the contract, sent as written to a clinic of its own (the examples are one clinic's story:
/// the location, type, staff member and patient they add are the ones the changes name).
/// </summary>
public partial class EveryRequestExampleTests(RequestExampleTests.DemoClinicApiFactory factory) : IClassFixture<RequestExampleTests.DemoClinicApiFactory>
{
    /// <summary>Operations whose route names what an earlier example made.</summary>
    private static readonly Dictionary<string, string> MadeBy = new()
    {
        ["UpdateAppointmentType"] = "CreateAppointmentType", ["UpdateLocation"] = "CreateLocation", ["UpdatePatient"] = "CreatePatient",
        ["ChangeIntegrationClientScopes"] = "RegisterIntegrationClient",
    };

    private static readonly string[] Succeed =
    [
        .. MadeBy.Keys, .. MadeBy.Values, "CreateStaffMember", "ChangePassword", "UpdateClinicSettings", "SetWorkingHours", "AddTimeOff", "RecordRunningLoad",
        "RecordOutcome", "RecordPatientDateOfDeath", "SubmitIntakeForm", "IssueToken",
    ];

    /// <summary>
    /// Each example passes binding and validation: where it names this clinic's resources it succeeds; where the route
    /// or body names the example clinic's ids it is looked up and not found (or refused for what that resource's state
    /// forbids), never refused as malformed and never a fault.
    /// </summary>
    [Fact]
    public async Task EveryExample_SentAsWritten_IsAcceptedOrRefusedOnlyForWhatItNames()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var examples = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .Where(op => op.Value!["requestBody"] is not null && !SwaggerJson.IsFileUpload(op.Value))
            .ToDictionary(op => op.Value!["operationId"]!.GetValue<string>(), op => op.Value!["requestBody"]!["content"]!.AsObject().Single());
        var scenario = await ClinicScenario.CreateAsync(factory, ClinicScenario.MainLocationId);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var departed = (await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Rowan", familyName = "Ellis", dateOfBirth = "1941-02-03", sex = "Male", phone = "0428 909 102",
        })))["id"]!.GetValue<Guid>();
        var made = new Dictionary<string, Guid>
        {
            ["SetWorkingHours"] = scenario.ClinicianId, ["AddTimeOff"] = scenario.ClinicianId, ["RecordRunningLoad"] = profile.Id, ["RecordOutcome"] = profile.Id,
            ["RecordPatientDateOfDeath"] = departed,
        };
        // The patient submits their own form; the staff member the CreateStaffMember example adds changes their password.
        var callers = new Dictionary<string, Func<Task<HttpClient>>>
        {
            ["SubmitIntakeForm"] = () => Task.FromResult(patient),
            ["ChangePassword"] = () => factory.SignedInClientAsync("sam.okafor@clinic.example", "Staff-Passw0rd-2026"),
        };

        List<string> wrong = [];
        // What makes a resource goes first; changing the password of the staff member the example adds, last.
        foreach (var operation in SwaggerJson.Operations(document).Where(op => examples.ContainsKey(Id(op)))
                     .OrderBy(op => op.Path.Contains('{', StringComparison.Ordinal) || Id(op) == "ChangePassword"))
        {
            var id = Id(operation);
            var (mediaType, media) = examples[id];
            var path = RouteValue().Replace(operation.Path, _ =>
                (made.TryGetValue(id, out var target) || (MadeBy.TryGetValue(id, out var maker) && made.TryGetValue(maker, out target)) ? target : Guid.NewGuid()).ToString());
            IEnumerable<HttpClient> tried = !operation.IsSecured ? [factory.CreateClient()]
                : callers.TryGetValue(id, out var caller) ? [await caller()] : [scenario.Admin, clinician, frontDesk, patient];

            HttpResponseMessage? answer = null;
            foreach (var client in tried)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), path)
                {
                    Content = mediaType == "application/x-www-form-urlencoded"
                        ? new FormUrlEncodedContent(media!["example"]!.AsObject().Select(m => KeyValuePair.Create(m.Key, m.Value!.GetValue<string>())))
                        : new StringContent(media!["example"]!.ToJsonString(), Encoding.UTF8, mediaType),
                };
                request.Headers.TryAddWithoutValidation("If-Match", "*");
                answer = await client.SendAsync(request);
                if (answer.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
                {
                    break;
                }
            }

            var status = (int)answer!.StatusCode;
            if (answer.Headers.Location is { } location && Guid.TryParse(location.OriginalString.Split('/')[^1], out var createdId))
            {
                made[id] = createdId;
            }

            if (Succeed.Contains(id) ? status is < 200 or >= 300 : status is 400 or 403 or >= 500)
            {
                wrong.Add($"{operation.Name} ({id}): {status} {await answer.Content.ReadAsStringAsync()}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    private static string Id(DocumentedOperation operation) => operation.Operation["operationId"]!.GetValue<string>();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
