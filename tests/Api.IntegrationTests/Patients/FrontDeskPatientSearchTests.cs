using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Patients.FrontDeskPatients;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>The front desk finds patient records: by name words in any order and by phone; each search audited, never what was typed.</summary>
public class FrontDeskPatientSearchTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Search_NameWordsInAnyOrderWithoutAccents_FindsThePatientByPrefix()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
        var (_, frontDesk) = await FrontDeskAsync(factory);
        var body = NewPatient("Leeann");
        var created = await CreateAsync(frontDesk, body);

        var found = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?search={Uri.EscapeDataString($"lee {body["familyName"]}")}"));

        found["totalCount"]!.GetValue<int>().ShouldBe(1);
        found["items"]!.AsArray().ShouldHaveSingleItem()!["patientId"]!.GetValue<Guid>().ShouldBe(created["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Search_AfterANameCorrection_FindsTheNewNameAndNotTheOld()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
        var (scenario, frontDesk) = await FrontDeskAsync(factory);
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
        await (await (await FrontDeskAsync(factory)).FrontDesk.GetAsync("/api/patients?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Search_IsAuditedWithWhoTheFiltersTheRowCountAndARecordPerPatientShown_NeverWhatWasTyped()
    {
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
        var (_, frontDesk) = await FrontDeskAsync(factory);
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
}
