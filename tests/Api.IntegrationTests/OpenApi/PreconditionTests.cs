using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>A PUT replaces a versioned resource only with the version it was made from, so one writer cannot silently undo another.</summary>
public class PreconditionTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task UpdatePatient_WithoutIfMatch_Answers428AndChangesNothing()
    {
        var admin = await factory.AdminClientAsync();
        var patient = await factory.CreateClient().RegisterPatientAsync();
        var read = await admin.GetAsync($"/api/patients/{patient.Id}");
        var record = await ApiClientExtensions.OkAsync(read);
        record["familyName"] = "Overwritten";

        var problem = await (await admin.PutAsJsonAsync($"/api/patients/{patient.Id}", record)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        problem["detail"]!.GetValue<string>().ShouldContain("If-Match");
        var after = await admin.GetAsync($"/api/patients/{patient.Id}");
        (await ApiClientExtensions.OkAsync(after))["familyName"]!.GetValue<string>().ShouldBe(patient.FamilyName);
        after.Headers.ETag.ShouldBe(read.Headers.ETag);
    }

    [Fact]
    public async Task UpdateClinicSettings_WithoutIfMatch_Answers428_WithAnyVersion_IsApplied()
    {
        var admin = await factory.AdminClientAsync();
        var settings = await ApiClientExtensions.OkAsync(await admin.GetAsync("/api/clinic/settings"));

        await (await admin.PutAsJsonAsync("/api/clinic/settings", settings)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        using var any = new HttpRequestMessage(HttpMethod.Put, "/api/clinic/settings") { Content = JsonContent.Create(settings) };
        any.Headers.IfMatch.Add(EntityTagHeaderValue.Any);

        (await admin.SendAsync(any)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
