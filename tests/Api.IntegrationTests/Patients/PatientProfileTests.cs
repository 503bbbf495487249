using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Patients;

public class PatientProfileTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Get_OwnProfile_AsPatient_Returns200()
    {
        var (client, patient) = await factory.NewPatientClientAsync();

        var profile = await client.GetFromJsonAsync<PatientProfile>($"/api/patients/{patient.Id}", ApiClientExtensions.Json);

        profile.ShouldBe(patient);
    }

    [Fact]
    public async Task Get_AnotherPatientsProfile_Returns404LikeAMissingOne()
    {
        var (client, _) = await factory.NewPatientClientAsync();
        var (_, other) = await factory.NewPatientClientAsync();

        var problem = await (await client.GetAsync($"/api/patients/{other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.ToJsonString().ShouldNotContain(other.Email);
        problem.ToJsonString().ShouldNotContain("Lee");
    }

    [Fact]
    public async Task Get_AnyProfile_AsAdmin_Returns200()
    {
        var (_, patient) = await factory.NewPatientClientAsync();

        var profile = await (await factory.AdminClientAsync()).GetFromJsonAsync<PatientProfile>($"/api/patients/{patient.Id}", ApiClientExtensions.Json);

        profile!.Email.ShouldBe(patient.Email);
    }

    [Fact]
    public async Task Get_WithoutToken_Returns401() =>
        await (await factory.CreateClient().GetAsync($"/api/patients/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
}
