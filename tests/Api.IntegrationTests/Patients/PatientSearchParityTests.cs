using System.Globalization;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>One patient search: the front desk's REST search and the FHIR Patient search find the same people for the same words.</summary>
public class PatientSearchParityTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async System.Threading.Tasks.Task RestAndFhirSearch_SameWords_FindTheSamePatients()
    {
        var frontDesk = await (await ClinicScenario.CreateAsync(factory)).FrontDeskAsync(factory);
        var family = "Quill" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6)]);
        var jose = await CreateAsync(frontDesk, "José", family, 1);
        var joseph = await CreateAsync(frontDesk, "Joseph", family, 2);
        var ann = await CreateAsync(frontDesk, "Ann", family, 3);
        var lower = family.ToLowerInvariant();

        Dictionary<string, Guid[]> expected = new()
        {
            [$"jos {lower}"] = [jose, joseph],
            [$"{lower} JOSE"] = [jose, joseph],  // a word matches as a prefix, accents and case aside: "jose" begins "Joseph"
            [$"{lower} ann"] = [ann],
            [$"{lower} josep"] = [joseph],
            [lower] = [jose, joseph, ann],
            [lower[1..]] = [],
        };

        foreach (var (words, patients) in expected)
        {
            var rest = (await OkAsync(await frontDesk.GetAsync($"/api/patients?search={Uri.EscapeDataString(words)}")))["items"]!.AsArray()
                .Select(r => r!["patientId"]!.GetValue<Guid>());
            var fhir = (await MatchesAsync<Patient>(await frontDesk.GetAsync($"/fhir/Patient?name={Uri.EscapeDataString(words)}"))).Select(p => Guid.Parse(p.Id!));

            rest.ShouldBe(patients, ignoreOrder: true, words);
            fhir.ShouldBe(patients, ignoreOrder: true, words);
        }
    }

    private static async Task<Guid> CreateAsync(HttpClient frontDesk, string given, string family, int born) =>
        (await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new Dictionary<string, object?>
        {
            ["givenName"] = given,
            ["familyName"] = family,
            ["dateOfBirth"] = new DateOnly(1970 + born, 3, born).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sex"] = "Female",
            ["phone"] = $"04{Random.Shared.Next(10_000_000, 99_999_999)}",
        })))["id"]!.GetValue<Guid>();
}
