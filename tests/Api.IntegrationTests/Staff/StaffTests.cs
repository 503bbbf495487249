using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Staff;

public class StaffTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static object NewStaff(string role, string? profession) => new
    {
        email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.example",
        password = "Staff-Passw0rd-123",
        givenName = "Maya",
        familyName = "Chen",
        role,
        profession,
    };

    [Fact]
    public async Task Create_Clinician_AsAdmin_CreatesAccountWithClinicianProfileThatCanSignIn()
    {
        var admin = await factory.AdminClientAsync();
        var request = NewStaff("Clinician", "Physiotherapist");

        var response = await admin.PostAsJsonAsync("/api/staff", request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var member = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        member["role"]!.GetValue<string>().ShouldBe("Clinician");
        member["clinician"]!["profession"]!.GetValue<string>().ShouldBe("Physiotherapist");
        member["clinician"]!["displayName"]!.GetValue<string>().ShouldBe("Maya Chen");
        response.Headers.Location!.ToString().ShouldBe($"/api/staff/{member["id"]}");
        (await admin.GetFromJsonAsync<JsonObject>(response.Headers.Location))!["email"]!.GetValue<string>().ShouldBe(member["email"]!.GetValue<string>());

        var email = member["email"]!.GetValue<string>();
        var clinician = await factory.SignedInClientAsync(email, "Staff-Passw0rd-123");
        var me = (await clinician.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["Clinician"]);
        me["clinicianId"]!.GetValue<Guid>().ShouldBe(member["clinician"]!["id"]!.GetValue<Guid>());
        me["staffMemberId"]!.GetValue<Guid>().ShouldBe(member["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task List_AsAdmin_IncludesNewStaffAndTheBootstrapAdmin()
    {
        var admin = await factory.AdminClientAsync();
        var created = (await (await admin.PostAsJsonAsync("/api/staff", NewStaff("FrontDesk", null))).Content.ReadFromJsonAsync<JsonObject>())!;

        var staff = (await admin.GetFromJsonAsync<JsonArray>("/api/staff"))!;

        staff.Select(s => s!["id"]!.GetValue<Guid>()).ShouldContain(created["id"]!.GetValue<Guid>());
        staff.Select(s => s!["email"]!.GetValue<string>()).ShouldContain(ClinicApiFactory.AdminEmail);
    }

    [Fact]
    public async Task Create_ClinicianWithoutProfession_Returns422AndCreatesNoAccount()
    {
        var admin = await factory.AdminClientAsync();
        var request = new { email = $"np-{Guid.NewGuid():N}@clinic.example", password = "Staff-Passw0rd-123", givenName = "No", familyName = "Profession", role = "Clinician" };

        var problem = await (await admin.PostAsJsonAsync("/api/staff", request)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("staff.profession-clinicians-only");
        (await factory.CreateClient().RequestTokenAsync(request.email, request.password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_WithUnknownRole_Returns400()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.PostAsJsonAsync("/api/staff", NewStaff("Surgeon", null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_AsPatient_Returns403WithNoData()
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        var problem = await (await patient.PostAsJsonAsync("/api/staff", NewStaff("Admin", null))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.ContainsKey("email").ShouldBeFalse();
    }

    [Fact]
    public async Task List_AsPatient_Returns403() =>
        await (await (await factory.NewPatientClientAsync()).Client.GetAsync("/api/staff")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

    [Fact]
    public async Task List_WithoutToken_Returns401() =>
        await (await factory.CreateClient().GetAsync("/api/staff")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task List_AsFrontDesk_Returns403()
    {
        var admin = await factory.AdminClientAsync();
        var request = NewStaff("FrontDesk", null);
        (await admin.PostAsJsonAsync("/api/staff", request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var email = (string)request.GetType().GetProperty("email")!.GetValue(request)!;

        var frontDesk = await factory.SignedInClientAsync(email, "Staff-Passw0rd-123");

        await (await frontDesk.GetAsync("/api/staff")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404() =>
        await (await (await factory.AdminClientAsync()).GetAsync($"/api/staff/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
}
