using System.Net;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>One operation of the served document.</summary>
public sealed record DocumentedOperation(string Path, string Method, JsonObject Operation)
{
    public string Name => $"{Method.ToUpperInvariant()} {Path}";

    public JsonObject Responses => Operation["responses"]!.AsObject();

    public IEnumerable<JsonObject> Parameters => Operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [];

    public bool IsSecured => Operation["security"] is JsonArray { Count: > 0 };
}

/// <summary>The OpenAPI document as a client downloads it.</summary>
public static class SwaggerJson
{
    /// <summary>The REST document (v1), or the FHIR one (fhir, docs/decisions/0021).</summary>
    public static async Task<JsonObject> LoadAsync(ClinicApiFactory factory, string document = "v1")
    {
        var response = await factory.CreateClient().GetAsync($"/swagger/{document}/swagger.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static IReadOnlyList<DocumentedOperation> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => new DocumentedOperation(path.Key, op.Key, op.Value!.AsObject())))
            .ToList();

    public static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    /// <summary>The name of the component a <c>$ref</c> points to, or null.</summary>
    /// <summary>
    /// A file sent as it is (a watch's GPX, TCX, FIT or zip export): every media type of its body is the file's own, with a
    /// binary schema. Its media types say what it is; it has no JSON example.
    /// </summary>
    public static bool IsFileUpload(JsonNode operation) =>
        operation["requestBody"]?["content"]?.AsObject() is { Count: > 0 } content
        && content.All(c => c.Key is not ("application/json" or "application/x-www-form-urlencoded")
            && c.Value?["schema"]?["type"]?.GetValue<string>() == "string" && c.Value["schema"]!["format"]?.GetValue<string>() == "binary");

    public static string? ReferencedSchema(JsonNode? schema) => schema?["$ref"]?.GetValue<string>().Split('/')[^1];
}
