using ClinicHip.Api.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Task = System.Threading.Tasks.Task;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>The Firely SDK's own FhirClient against the running API, as an integrating system would use it.</summary>
public class FhirClientTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task FhirClient_ReadsMetadataSearchesAndPagesPatientsReadsOneRunsEverythingAndABulkExport()
    {
        var anonymous = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await anonymous.RegisterPatientAsync($"client-{Guid.NewGuid():N}@example.com");
        }

        var http = await factory.AdminClientAsync();
        using var client = new FhirClient(new Uri(http.BaseAddress!, "/fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

        var statement = await client.CapabilityStatementAsync();
        statement!.FhirVersion.ShouldBe(FHIRVersion.N4_0_1);

        var page = await client.SearchAsync<Patient>(["name=Jordan", "_count=2"]);
        page!.Entry.Count.ShouldBe(2);
        var next = await client.ContinueAsync(page);
        next.ShouldNotBeNull().Entry.ShouldNotBeEmpty();
        var id = page.Entry[0].Resource!.Id!;
        (await client.ReadAsync<Patient>($"Patient/{id}"))!.Name[0].Family.ShouldBe("Lee");
        await Should.ThrowAsync<FhirOperationException>(() => client.ReadAsync<Patient>($"Patient/{Guid.NewGuid()}"));

        var everything = (await client.InstanceOperationAsync(new Uri($"Patient/{id}", UriKind.Relative), "everything", useGet: true)).ShouldBeOfType<Bundle>();
        everything.Entry[0].Resource.ShouldBeOfType<Patient>().Id.ShouldBe(id);

        // Bulk Data: the kick-off through the SDK (UseAsync sends Prefer: respond-async), then the status URL it was given.
        using var bulk = new FhirClient(new Uri(http.BaseAddress!, "/fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json, UseAsync = true });
        var accepted = await bulk.WholeSystemOperationAsync("export", new Parameters().Add("_type", new FhirString("Patient")), useGet: true);
        accepted.ShouldBeOfType<OperationOutcome>();
        bulk.LastResult!.Status.ShouldStartWith("202");
        var manifest = await BulkExports.ManifestAsync(http, bulk.LastResult.Location.ShouldNotBeNull());
        var files = BulkExports.Outputs(manifest);
        files.ShouldAllBe(f => f.Type == "Patient");
        (await BulkExports.DownloadAsync(http, files[0].Url, "Patient")).Select(p => p.Id).ShouldContain(id);
    }
}
