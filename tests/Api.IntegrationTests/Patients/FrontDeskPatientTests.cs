using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>The front desk's patient records through HTTP: register without an account, find, correct, archive.</summary>
public class FrontDeskPatientTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly string[] Deceased = ["Deceased"];

    /// <summary>A new patient body with a unique name, phone and date of birth, so records of one test never look like another's.</summary>
    private static Dictionary<string, object?> NewPatient(string givenName = "José", string? familyName = null)
    {
        var random = Random.Shared;
        return new Dictionary<string, object?>
        {
            ["givenName"] = givenName,
            ["familyName"] = familyName ?? "Lee" + new string([.. Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26)))]),
            ["dateOfBirth"] = new DateOnly(1950, 1, 1).AddDays(random.Next(20000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sex"] = "Male",
            ["phone"] = $"04{random.Next(10_000_000, 99_999_999)}",
        };
    }

    private static async Task<JsonObject> CreateAsync(HttpClient staff, Dictionary<string, object?> body) =>
        await ApiClientExtensions.CreatedAsync(await staff.PostAsJsonAsync("/api/patients", body));

    private async Task<(ClinicScenario Scenario, HttpClient FrontDesk)> FrontDeskAsync()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        return (scenario, await scenario.FrontDeskAsync(factory));
    }

    [Fact]
    public async Task Create_AsFrontDeskWithEveryField_StoresTheRecordWithPhonesInE164()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var frontDeskUserId = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<Guid>();
        var body = NewPatient();
        body["phone"] = "0412 345 678";
        body["email"] = "Jose.Lee@Example.com";
        body["address"] = new { line1 = "12 Riverside Drive", locality = "West End", region = "QLD", postcode = "4101" };
        body["emergencyContact"] = new { name = "Ana Lee", relationship = "partner", phone = "(07) 5555 0100" };
        body["preferredContactMethod"] = "Sms";
        body["remindBySms"] = true;
        body["telehealthConsentGivenOn"] = "2026-11-01";
        body["alerts"] = new { allergy = true, mobilityAid = false, interpreterNeeded = true, note = "Latex allergy; Spanish interpreter" };

        var created = await CreateAsync(frontDesk, body);
        var read = await frontDesk.GetAsync($"/api/patients/{created["id"]}");
        var patient = await ApiClientExtensions.OkAsync(read);

        patient["phone"]!.GetValue<string>().ShouldBe("+61412345678");
        patient["email"]!.GetValue<string>().ShouldBe("jose.lee@example.com");
        patient["emergencyContact"]!["phone"]!.GetValue<string>().ShouldBe("+61755550100");
        patient["address"]!["locality"]!.GetValue<string>().ShouldBe("West End");
        patient["preferredContactMethod"]!.GetValue<string>().ShouldBe("Sms");
        patient["remindBySms"]!.GetValue<bool>().ShouldBeTrue();
        patient["remindByEmail"]!.GetValue<bool>().ShouldBeFalse();
        patient["telehealthConsent"]!["givenOn"]!.GetValue<string>().ShouldBe("2026-11-01");
        patient["telehealthConsent"]!["recordedBy"]!.GetValue<string>().ShouldBe(frontDeskUserId.ToString());
        patient["alerts"]!["interpreterNeeded"]!.GetValue<bool>().ShouldBeTrue();
        patient["alerts"]!["note"]!.GetValue<string>().ShouldBe("Latex allergy; Spanish interpreter");
        patient["hasAccount"]!.GetValue<bool>().ShouldBeFalse();
        read.Headers.ETag!.Tag.ShouldBe($"\"{patient["version"]}\"");
    }

    [Fact]
    public async Task Create_AsPatient_Returns403()
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        await (await patient.PostAsJsonAsync("/api/patients", NewPatient())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("phone", "12")]
    [InlineData("phone", "+99 1234 5678")]
    [InlineData("sex", "Robot")]
    [InlineData("alerts", "note-too-long")]
    [InlineData("preferredContactMethod", "Email")]
    public async Task Create_WithBadInput_Returns400AndWritesNothing(string field, string value)
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var body = NewPatient();
        body[field] = field == "alerts" ? new { allergy = true, mobilityAid = false, interpreterNeeded = false, note = new string('x', 201) } : value;

        await (await frontDesk.PostAsJsonAsync("/api/patients", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?search={body["familyName"]}"));
        found["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Create_WhenBornTomorrow_Returns422()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var body = NewPatient();
        body["dateOfBirth"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var problem = await (await frontDesk.PostAsJsonAsync("/api/patients", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("patient.date-of-birth-implausible");
    }

    [Fact]
    public async Task Create_SameNameInAnotherOrderAndSameBirthDate_Returns409WithTheCandidate_UntilConfirmed()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var admin = await factory.AdminClientAsync();
        var first = NewPatient("Ana María", "Núñez" + Guid.NewGuid().ToString("N")[..6]);
        var existing = await CreateAsync(frontDesk, first);
        var second = NewPatient((string)first["familyName"]!, "ANA MARIA");
        second["dateOfBirth"] = first["dateOfBirth"];

        var problem = await (await frontDesk.PostAsJsonAsync("/api/patients", second)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["type"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/problems/patient.possible-duplicate");
        problem["candidates"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([existing["id"]!.GetValue<Guid>()]);

        second["confirmedNotDuplicate"] = true;
        var created = await CreateAsync(frontDesk, second);
        var history = (await admin.GetFromJsonAsync<JsonArray>($"/api/patients/{created["id"]}/history"))!;
        history.ShouldHaveSingleItem()!["confirmedNotDuplicate"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Create_SamePhoneTypedAnotherWayAndSameBirthDate_Returns409()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var first = NewPatient();
        var digits = ((string)first["phone"]!)[1..];
        await CreateAsync(frontDesk, first);
        var second = NewPatient("Someone");
        second["dateOfBirth"] = first["dateOfBirth"];
        second["phone"] = $"+61 {digits[..3]} {digits[3..6]} {digits[6..]}";

        await (await frontDesk.PostAsJsonAsync("/api/patients", second)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Search_NameWordsInAnyOrderWithoutAccents_FindsThePatientByPrefix()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var body = NewPatient("José");
        var created = await CreateAsync(frontDesk, body);
        var family = (string)body["familyName"]!;

        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?search={Uri.EscapeDataString($"{family[..6].ToUpperInvariant()} jos")}"));

        var row = found["items"]!.AsArray().ShouldHaveSingleItem()!;
        row["patientId"]!.GetValue<Guid>().ShouldBe(created["id"]!.GetValue<Guid>());
        row["givenName"]!.GetValue<string>().ShouldBe("José");
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients?search={Uri.EscapeDataString($"{family} josh")}"))!["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Search_PrefixOfTwoOfThePatientsWords_FindsThePatientOnce()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var body = NewPatient("Leeann");
        var created = await CreateAsync(frontDesk, body);

        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?search={Uri.EscapeDataString($"lee {body["familyName"]}")}"));

        found["totalCount"]!.GetValue<int>().ShouldBe(1);
        found["items"]!.AsArray().ShouldHaveSingleItem()!["patientId"]!.GetValue<Guid>().ShouldBe(created["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Search_AfterANameCorrection_FindsTheNewNameAndNotTheOld()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var body = NewPatient("Jose");
        var created = await CreateAsync(frontDesk, body);
        var oldFamily = (string)body["familyName"]!;
        var newFamily = "Ngu" + oldFamily[3..];
        body["familyName"] = newFamily;
        body["givenName"] = "Josefina";

        await ApiClientExtensions.OkAsync(await PutAsync(frontDesk, created["id"]!.GetValue<Guid>(), body, created["version"]!.GetValue<Guid>()));

        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients?search={Uri.EscapeDataString(oldFamily)}"))!["totalCount"]!.GetValue<int>().ShouldBe(0);
        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?search={Uri.EscapeDataString($"josefi {newFamily}")}"));
        found["items"]!.AsArray().ShouldHaveSingleItem()!["familyName"]!.GetValue<string>().ShouldBe(newFamily);
    }

    [Fact]
    public async Task Search_ByPhoneAsTypedLocally_MatchesTheInternationalForm_AndShowsTheNextAppointment()
    {
        var (scenario, frontDesk) = await FrontDeskAsync();
        var body = NewPatient();
        var local = (string)body["phone"]!;
        body["phone"] = $"+61 {local[1..]}";
        var created = await CreateAsync(frontDesk, body);
        var patientId = created["id"]!.GetValue<Guid>();
        var start = Local(3, 10);
        await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start, patientId: patientId)));

        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?phone={Uri.EscapeDataString($"{local[..4]} {local[4..7]} {local[7..]}")}"));

        var row = found["items"]!.AsArray().ShouldHaveSingleItem()!;
        row["patientId"]!.GetValue<Guid>().ShouldBe(patientId);
        row["nextAppointmentAt"]!.GetValue<DateTimeOffset>().ShouldBe(start);
        row.ToJsonString().ShouldNotContain("assessment", Case.Insensitive);
    }

    [Fact]
    public async Task Search_AsPatient_Returns403() =>
        await (await (await factory.NewPatientClientAsync()).Client.GetAsync("/api/patients?search=lee")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

    [Fact]
    public async Task Search_WithOversizedPage_Returns400() =>
        await (await (await FrontDeskAsync()).FrontDesk.GetAsync("/api/patients?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Search_IsAuditedWithWhoTheFiltersTheRowCountAndARecordPerPatientShown_NeverWhatWasTyped()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var frontDeskUserId = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<Guid>();
        var familyName = "Audit" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        foreach (var given in new[] { "Ana", "Ben", "Cy" })
        {
            ids.Add((await CreateAsync(frontDesk, NewPatient(given, familyName)))["id"]!.GetValue<Guid>());
        }

        (await frontDesk.GetAsync($"/api/patients?search={familyName}&includeArchived=false")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await factory.AdminClientAsync();
        var searches = (await admin.GetFromJsonAsync<JsonObject>($"/api/audit?userId={frontDeskUserId}&pageSize=200"))!["items"]!.AsArray()
            .Where(r => r!["action"]!.GetValue<string>() == "SearchPatients").ToList();
        var record = searches.Where(r => r!["patientId"] is null).ShouldHaveSingleItem()!;
        record["rowsShown"]!.GetValue<int>().ShouldBe(3);
        record["queryKind"]!.GetValue<string>().ShouldBe("includearchived,search");
        record["shownPatientIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe(ids, ignoreOrder: true);
        var perPatient = searches.Where(r => r!["patientId"] is not null).ToList();
        perPatient.Select(r => r!["patientId"]!.GetValue<Guid>()).ShouldBe(ids, ignoreOrder: true);
        perPatient.ShouldAllBe(r => r!["traceId"]!.GetValue<string>() == record["traceId"]!.GetValue<string>() && r!["rowsShown"] == null);
        searches.ShouldAllBe(r => !r!.ToJsonString().Contains(familyName));
    }

    [Fact]
    public async Task AccessLog_ShowsStaffWhoOpenedTheRecord_AndTheSearchesThatListedIt()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var (patientClient, patient) = await factory.NewPatientClientAsync();

        (await frontDesk.GetAsync($"/api/patients?email={Uri.EscapeDataString(patient.Email)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await frontDesk.GetAsync($"/api/patients/{patient.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = (await patientClient.GetFromJsonAsync<JsonArray>("/api/patients/me/access-log"))!;
        log.Count.ShouldBe(2);
        log.ShouldAllBe(e => e!["staffName"]!.GetValue<string>() == "Riley Brooks");
        log[0]!["action"]!.GetValue<string>().ShouldBe("GetPatient");
        log[1]!["action"]!.GetValue<string>().ShouldBe("SearchPatients");
        log[1]!["description"]!.GetValue<string>().ShouldBe("Riley Brooks (front desk) saw you listed in a patient search");
    }

    [Fact]
    public async Task Update_WithTheCurrentVersion_ChangesTheRecordAndKeepsTheHistory()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var body = NewPatient();
        var created = await CreateAsync(frontDesk, body);
        body["phone"] = "0499 111 222";
        body["alerts"] = new { allergy = false, mobilityAid = true, interpreterNeeded = false, note = "Crutches" };

        var updated = await ApiClientExtensions.OkAsync(await PutAsync(frontDesk, created["id"]!.GetValue<Guid>(), body, created["version"]!.GetValue<Guid>()));

        updated["phone"]!.GetValue<string>().ShouldBe("+61499111222");
        var history = (await (await factory.AdminClientAsync()).GetFromJsonAsync<JsonArray>($"/api/patients/{created["id"]}/history"))!;
        history.Select(h => h!["kind"]!.GetValue<string>()).ShouldBe(["Created", "Edited"]);
        var fields = history[1]!["fields"]!.AsArray();
        fields.Select(f => f!["field"]!.GetValue<string>()).ShouldBe(["phone", "alerts"], ignoreOrder: true);
        fields.Single(f => f!["field"]!.GetValue<string>() == "phone")!["before"]!.GetValue<string>().ShouldBe($"+61{((string)created["phone"]!)[3..]}");
    }

    [Fact]
    public async Task Update_TwoStaffEditingTheSameVersion_OneGets412AndTheirChangeIsNotApplied()
    {
        var (scenario, frontDesk) = await FrontDeskAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var body = NewPatient();
        var created = await CreateAsync(frontDesk, body);
        var id = created["id"]!.GetValue<Guid>();
        var version = created["version"]!.GetValue<Guid>();
        var first = new Dictionary<string, object?>(body) { ["sex"] = "Female" };
        var second = new Dictionary<string, object?>(body) { ["sex"] = "Intersex" };

        var answers = await Task.WhenAll(PutAsync(frontDesk, id, first, version), PutAsync(clinician, id, second, version));

        answers.Select(a => (int)a.StatusCode).Order().ShouldBe([200, 412]);
        var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK) == answers[0] ? "Female" : "Intersex";
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{id}"))!["sex"]!.GetValue<string>().ShouldBe(winner);
        await answers.Single(a => a.StatusCode != HttpStatusCode.OK).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Update_AsThePatientChangingTheirContactDetails_Succeeds_ButNotTheirName()
    {
        var (client, patient) = await factory.NewPatientClientAsync();
        var current = (await client.GetFromJsonAsync<JsonObject>($"/api/patients/{patient.Id}"))!;
        var body = new Dictionary<string, object?>
        {
            ["givenName"] = patient.GivenName, ["familyName"] = patient.FamilyName, ["dateOfBirth"] = patient.DateOfBirth, ["sex"] = "NotStated",
            ["phone"] = "0400 777 888", ["email"] = patient.Email, ["preferredContactMethod"] = "Email", ["remindByEmail"] = true,
            ["address"] = new { line1 = "3 Creek Road", locality = "Paddington", postcode = "4064" },
        };

        var updated = await ApiClientExtensions.OkAsync(await PutAsync(client, patient.Id, body, current["version"]!.GetValue<Guid>()));
        updated["phone"]!.GetValue<string>().ShouldBe("+61400777888");

        body["givenName"] = "Someone else";
        await (await PutAsync(client, patient.Id, body, updated["version"]!.GetValue<Guid>())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await client.GetFromJsonAsync<JsonObject>($"/api/patients/{patient.Id}"))!["givenName"]!.GetValue<string>().ShouldBe(patient.GivenName);
    }

    [Fact]
    public async Task Update_AnotherPatientsRecord_Returns404()
    {
        var (client, _) = await factory.NewPatientClientAsync();
        var (_, other) = await factory.NewPatientClientAsync();

        var body = new { givenName = "X", familyName = "Y", dateOfBirth = "1990-01-01", sex = "NotStated", phone = "0400 777 888" };
        await (await client.PutAnyVersionAsJsonAsync($"/api/patients/{other.Id}", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task History_AsFrontDesk_Returns403()
    {
        var (_, frontDesk) = await FrontDeskAsync();
        var created = await CreateAsync(frontDesk, NewPatient());

        await (await frontDesk.GetAsync($"/api/patients/{created["id"]}/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Archive_ThenBook_Returns422_AndRestoreAllowsBookingAgain()
    {
        var (scenario, frontDesk) = await FrontDeskAsync();
        var created = await CreateAsync(frontDesk, NewPatient());
        var id = created["id"]!.GetValue<Guid>();

        await ApiClientExtensions.OkAsync(await frontDesk.PostAsync($"/api/patients/{id}/archive", null));
        var refused = await (await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 9), patientId: id)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused["code"]!.GetValue<string>().ShouldBe("patient.archived");
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients?search={created["familyName"]}"))!["totalCount"]!.GetValue<int>().ShouldBe(0);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients?search={created["familyName"]}&includeArchived=true"))!["totalCount"]!.GetValue<int>().ShouldBe(1);

        await (await frontDesk.PostAsync($"/api/patients/{id}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ApiClientExtensions.OkAsync(await frontDesk.PostAsync($"/api/patients/{id}/restore", null));
        await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 9), patientId: id)));
    }

    [Fact]
    public async Task Archive_AsClinician_Returns403()
    {
        var (scenario, frontDesk) = await FrontDeskAsync();
        var created = await CreateAsync(frontDesk, NewPatient());

        await (await (await scenario.ClinicianClientAsync(factory)).PostAsync($"/api/patients/{created["id"]}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RecordDateOfDeath_CancelsFutureAppointmentsAsDeceased_AndTheRecordCannotBeRestored()
    {
        var (scenario, frontDesk) = await FrontDeskAsync();
        var created = await CreateAsync(frontDesk, NewPatient());
        var id = created["id"]!.GetValue<Guid>();
        var appointment = await ApiClientExtensions.CreatedAsync(
            await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 11), patientId: id)));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var patient = await ApiClientExtensions.OkAsync(await frontDesk.PostAsJsonAsync($"/api/patients/{id}/date-of-death", new { dateOfDeath = today }));

        patient["archivedAt"].ShouldNotBeNull();
        var after = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/appointments/{appointment["id"]}"))!;
        after["status"]!.GetValue<string>().ShouldBe("Cancelled");
        var appointments = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/appointments?patientId={id}"))!["items"]!.AsArray();
        appointments.Select(a => a!["cancellationReason"]?.GetValue<string>()).ShouldBe(Deceased);
        await (await frontDesk.PostAsync($"/api/patients/{id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RecordDateOfDeath_InTheFuture_Returns422AndCancelsNothing()
    {
        var (scenario, frontDesk) = await FrontDeskAsync();
        var created = await CreateAsync(frontDesk, NewPatient());
        var id = created["id"]!.GetValue<Guid>();
        var appointment = await ApiClientExtensions.CreatedAsync(
            await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 11), patientId: id)));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await (await frontDesk.PostAsJsonAsync($"/api/patients/{id}/date-of-death", new { dateOfDeath = tomorrow })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/appointments/{appointment["id"]}"))!["status"]!.GetValue<string>().ShouldBe("Booked");
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, object body, Guid version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return client.SendAsync(request);
    }
}
