using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>The Bulk Data flow as a client runs it: kick-off, polling the status URL, downloading the files of the manifest.</summary>
internal static class BulkExports
{
    /// <summary>A kick-off with Prefer: respond-async.</summary>
    public static Task<HttpResponseMessage> KickoffAsync(HttpClient client, string pathAndQuery, bool respondAsync = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd("application/fhir+json");
        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        return client.SendAsync(request);
    }

    /// <summary>Kicks off and answers the status URL of the accepted export.</summary>
    public static async Task<string> StartAsync(HttpClient client, string pathAndQuery)
    {
        var response = await KickoffAsync(client, pathAndQuery);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return response.Content.Headers.ContentLocation.ShouldNotBeNull().ToString();
    }

    /// <summary>Polls the status URL (each 202 carrying X-Progress and Retry-After) until the manifest comes.</summary>
    public static async Task<JsonObject> ManifestAsync(HttpClient client, string statusUrl)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(new Uri(statusUrl).PathAndQuery);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            response.Headers.GetValues("X-Progress").ShouldHaveSingleItem().ShouldNotBeNullOrWhiteSpace();
            response.Headers.RetryAfter.ShouldNotBeNull();
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the export did not complete");
            await System.Threading.Tasks.Task.Delay(100);
        }
    }

    /// <summary>The manifest's files: type, download URL, count.</summary>
    public static List<(string Type, string Url, int Count)> Outputs(JsonObject manifest) =>
        [.. manifest["output"]!.AsArray().Select(o => (o!["type"]!.GetValue<string>(), o["url"]!.GetValue<string>(), o["count"]!.GetValue<int>()))];

    /// <summary>A file's resources: NDJSON, each line parsed strictly and validated against R4 with zero errors, and of the file's type.</summary>
    public static async Task<List<Resource>> DownloadAsync(HttpClient client, string url, string type)
    {
        var response = await client.GetAsync(new Uri(url).PathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/fhir+ndjson");
        body.ShouldEndWith("\n");
        List<Resource> resources = [];
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            line.ShouldNotContain('\r');
            var resource = JsonSerializer.Deserialize<Resource>(line, FhirJson.Options).ShouldNotBeNull();
            resource.TypeName.ShouldBe(type);
            FhirValidation.Report(resource).Errors.ShouldBeEmpty($"{type} is not valid R4:\n{line}");
            resources.Add(resource);
        }

        return resources;
    }

    /// <summary>Runs an export to completion and downloads every file: the resources by type.</summary>
    public static async Task<Dictionary<string, List<Resource>>> RunAsync(HttpClient client, string pathAndQuery)
    {
        var manifest = await ManifestAsync(client, await StartAsync(client, pathAndQuery));
        var byType = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        foreach (var (type, url, count) in Outputs(manifest))
        {
            var resources = await DownloadAsync(client, url, type);
            resources.Count.ShouldBe(count, $"{url} holds another number of resources than the manifest says");
            (byType.TryGetValue(type, out var list) ? list : byType[type] = []).AddRange(resources);
        }

        return byType;
    }
}
