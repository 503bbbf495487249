using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>Online registration never attaches to an existing record: a match is flagged for staff, who clear it or merge.</summary>
public class PossibleDuplicateTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static object Registration(string familyName, string dateOfBirth, string phone, string? email = null) => new
    {
        email = email ?? $"dup-{Guid.NewGuid():N}@example.com",
        password = ApiClientExtensions.PatientPassword,
        givenName = "Noa",
        familyName,
        dateOfBirth,
        phone,
    };

    /// <summary>Registers online (202, the same answer for any email) and reads the new record's id as its owner does.</summary>
    private async Task<Guid> RegisterAsync(object body)
    {
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", body)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var email = System.Text.Json.JsonSerializer.SerializeToNode(body)!["email"]!.GetValue<string>();
        var tokens = await client.SignInAsync(email, ApiClientExtensions.PatientPassword);
        return (await client.WithBearer(tokens.AccessToken).GetFromJsonAsync<JsonObject>("/api/auth/me"))!["patientId"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> RowAsync(HttpClient staff, string familyName, Guid id) =>
        (await ApiClientExtensions.OkAsync(await staff.GetAsync($"/api/patients?search={familyName}&pageSize=200")))["items"]!.AsArray()
            .Single(r => r!["patientId"]!.GetValue<Guid>() == id)!.AsObject();

    [Fact]
    public async Task Register_MatchingAnExistingRecord_CreatesANewRecordFlaggedForStaff()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var familyName = "Dup" + Guid.NewGuid().ToString("N")[..8];
        var existing = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Noa", familyName, dateOfBirth = "1988-02-03", sex = "Female", phone = "0412 000 111",
        }));

        var registered = await RegisterAsync(Registration(familyName.ToUpperInvariant(), "1988-02-03", "+61 400 999 888"));
        var unrelated = await RegisterAsync(Registration(familyName + "x", "1970-01-01", "+61 400 999 777"));

        registered.ShouldNotBe(existing["id"]!.GetValue<Guid>());
        (await RowAsync(frontDesk, familyName, registered))["possibleDuplicate"]!.GetValue<bool>().ShouldBeTrue();
        (await RowAsync(frontDesk, familyName, existing["id"]!.GetValue<Guid>()))["possibleDuplicate"]!.GetValue<bool>().ShouldBeFalse();
        (await RowAsync(frontDesk, familyName + "x", unrelated))["possibleDuplicate"]!.GetValue<bool>().ShouldBeFalse();
        var flagged = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?possibleDuplicate=true&search={familyName}"));
        flagged["items"]!.AsArray().Select(r => r!["patientId"]!.GetValue<Guid>()).ShouldBe([registered]);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("email")]
    public async Task Register_MatchingByPhoneAndBirthDateOrByEmail_IsFlagged(string rule)
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var email = $"shared-{Guid.NewGuid():N}@example.com";
        var phone = $"04{Random.Shared.Next(10_000_000, 99_999_999)}";
        (await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Ari", familyName = "Dup" + Guid.NewGuid().ToString("N")[..8], dateOfBirth = "1979-05-06", sex = "Male", phone, email,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var familyName = "Other" + Guid.NewGuid().ToString("N")[..8];

        var registered = rule == "phone"
            ? await RegisterAsync(Registration(familyName, "1979-05-06", phone))
            : await RegisterAsync(Registration(familyName, "1991-01-01", "+61 400 123 987", email.ToUpperInvariant()));

        (await RowAsync(frontDesk, familyName, registered))["possibleDuplicate"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task ConfirmNotDuplicate_AsFrontDesk_ClearsTheFlagOnce_AndIsRecordedAndAudited()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var familyName = "Dup" + Guid.NewGuid().ToString("N")[..8];
        var first = await RegisterAsync(Registration(familyName, "1990-07-08", "+61 400 555 001"));
        var second = await RegisterAsync(Registration(familyName, "1990-07-08", "+61 400 555 002"));
        var path = $"/api/patients/{second}/not-duplicate";
        var (patient, _) = await factory.NewPatientClientAsync();

        await (await patient.PostAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await scenario.ClinicianClientAsync(factory)).PostAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await frontDesk.PostAsync($"/api/patients/{Guid.NewGuid()}/not-duplicate", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await RowAsync(frontDesk, familyName, second))["possibleDuplicate"]!.GetValue<bool>().ShouldBeTrue();

        (await frontDesk.PostAsync(path, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await RowAsync(frontDesk, familyName, second))["possibleDuplicate"]!.GetValue<bool>().ShouldBeFalse();
        (await (await frontDesk.PostAsync(path, null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>()
            .ShouldBe("patient.not-flagged-duplicate");
        (await (await frontDesk.PostAsync($"/api/patients/{first}/not-duplicate", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldNotBeNull();
        var history = (await scenario.Admin.GetFromJsonAsync<JsonArray>($"/api/patients/{second}/history"))!;
        history.Last()!["kind"]!.GetValue<string>().ShouldBe("NotADuplicate");
        history.Last()!["confirmedNotDuplicate"]!.GetValue<bool>().ShouldBeTrue();
        var audit = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={second}&pageSize=200"))!["items"]!.AsArray();
        audit.Where(a => a!["action"]!.GetValue<string>() == "ConfirmPatientNotDuplicate").Select(a => a!["outcome"]!.GetValue<string>())
            .ShouldBe(["Success", "Rejected"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_ThatNamesAnExistingPatientAsACandidate_IsAuditedLikeASearch_AndInTheirAccessLog()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var frontDeskUserId = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<Guid>();
        var (patientClient, patient) = await factory.NewPatientClientAsync();

        // Only the email matches: the lookup the probe made, naming the patient, their birth date and id.
        var refused = await (await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Someone", familyName = "Else" + Guid.NewGuid().ToString("N")[..8], dateOfBirth = "1970-01-01", sex = "Male",
            phone = $"04{Random.Shared.Next(10_000_000, 99_999_999)}", email = patient.Email,
        })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused["candidates"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([patient.Id]);

        var trail = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?userId={frontDeskUserId}&pageSize=200"))!["items"]!.AsArray()
            .Where(r => r!["action"]!.GetValue<string>() == "CreatePatient").ToList();
        var lookup = trail.Single(r => r!["patientId"] is null)!;
        lookup["outcome"]!.GetValue<string>().ShouldBe("Rejected");
        lookup["queryKind"]!.GetValue<string>().ShouldBe("patient.possible-duplicate");
        lookup["rowsShown"]!.GetValue<int>().ShouldBe(1);
        lookup["shownPatientIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([patient.Id]);
        trail.Single(r => r!["patientId"] is not null)!["patientId"]!.GetValue<Guid>().ShouldBe(patient.Id);
        var log = (await patientClient.GetFromJsonAsync<JsonArray>("/api/patients/me/access-log"))!;
        log.ShouldContain(e => e!["action"]!.GetValue<string>() == "CreatePatient"
            && e["description"]!.GetValue<string>().EndsWith("saw you named as a possible duplicate of a record being entered", StringComparison.Ordinal));
    }
}
