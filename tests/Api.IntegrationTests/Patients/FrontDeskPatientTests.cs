using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Patients.FrontDeskPatients;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>The front desk's patient records through HTTP: register without an account, correct, archive, record a death.</summary>
public class FrontDeskPatientTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly string[] Deceased = ["Deceased"];

    [Fact]
    public async Task Create_AsFrontDeskWithEveryField_StoresTheRecordWithPhonesInE164()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
        var (_, frontDesk) = await FrontDeskAsync(factory);
        var body = NewPatient();
        body[field] = field == "alerts" ? new { allergy = true, mobilityAid = false, interpreterNeeded = false, note = new string('x', 201) } : value;

        await (await frontDesk.PostAsJsonAsync("/api/patients", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?search={body["familyName"]}"));
        found["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Create_WhenBornTomorrow_Returns422()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
        var body = NewPatient();
        body["dateOfBirth"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var problem = await (await frontDesk.PostAsJsonAsync("/api/patients", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("patient.date-of-birth-implausible");
    }

    [Fact]
    public async Task Create_SameNameInAnotherOrderAndSameBirthDate_Returns409WithTheCandidate_UntilConfirmed()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
        var (_, frontDesk) = await FrontDeskAsync(factory);
        var first = NewPatient();
        var digits = ((string)first["phone"]!)[1..];
        await CreateAsync(frontDesk, first);
        var second = NewPatient("Someone");
        second["dateOfBirth"] = first["dateOfBirth"];
        second["phone"] = $"+61 {digits[..3]} {digits[3..6]} {digits[6..]}";

        await (await frontDesk.PostAsJsonAsync("/api/patients", second)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Update_WithTheCurrentVersion_ChangesTheRecordAndKeepsTheHistory()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
        var (scenario, frontDesk) = await FrontDeskAsync(factory);
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
        var (_, frontDesk) = await FrontDeskAsync(factory);
        var created = await CreateAsync(frontDesk, NewPatient());

        await (await frontDesk.GetAsync($"/api/patients/{created["id"]}/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Archive_ThenBook_Returns422_AndRestoreAllowsBookingAgain()
    {
        var (scenario, frontDesk) = await FrontDeskAsync(factory);
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
        var (scenario, frontDesk) = await FrontDeskAsync(factory);
        var created = await CreateAsync(frontDesk, NewPatient());

        await (await (await scenario.ClinicianClientAsync(factory)).PostAsync($"/api/patients/{created["id"]}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RecordDateOfDeath_CancelsFutureAppointmentsAsDeceased_AndTheRecordCannotBeRestored()
    {
        var (scenario, frontDesk) = await FrontDeskAsync(factory);
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
        var (scenario, frontDesk) = await FrontDeskAsync(factory);
        var created = await CreateAsync(frontDesk, NewPatient());
        var id = created["id"]!.GetValue<Guid>();
        var appointment = await ApiClientExtensions.CreatedAsync(
            await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 11), patientId: id)));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await (await frontDesk.PostAsJsonAsync($"/api/patients/{id}/date-of-death", new { dateOfDeath = tomorrow })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/appointments/{appointment["id"]}"))!["status"]!.GetValue<string>().ShouldBe("Booked");
    }
}
