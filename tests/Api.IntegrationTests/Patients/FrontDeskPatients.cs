using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>What the front desk's patient tests share: a new patient's body, creating it, a clinic's front desk, a versioned PUT.</summary>
internal static class FrontDeskPatients
{
    /// <summary>A new patient body with a unique name, phone and date of birth, so records of one test never look like another's.</summary>
    public static Dictionary<string, object?> NewPatient(string givenName = "José", string? familyName = null)
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

    public static async Task<JsonObject> CreateAsync(HttpClient staff, Dictionary<string, object?> body) =>
        await ApiClientExtensions.CreatedAsync(await staff.PostAsJsonAsync("/api/patients", body));

    /// <summary>A clinic of the test's own and its front desk, signed in.</summary>
    public static async Task<(ClinicScenario Scenario, HttpClient FrontDesk)> FrontDeskAsync(ClinicApiFactory factory)
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        return (scenario, await scenario.FrontDeskAsync(factory));
    }

    /// <summary>A PUT of the record with If-Match on the version read.</summary>
    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, object body, Guid version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return client.SendAsync(request);
    }
}
