using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>
/// Required means required: for every operation of the contract with a JSON body, a body holding the schema's required
/// members, with each one left out in turn, answers 400 naming that member (left out, an enum would silently take its
/// first value, as a cancellation without a reason once did).
/// </summary>
public partial class RequiredMembersTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task EveryOperation_BodyWithoutARequiredMember_Answers400NamingIt()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var callers = await CallersAsync();
        var refused = new List<string>();
        var checkedMembers = 0;

        foreach (var op in SwaggerJson.Operations(document))
        {
            if (op.Operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema
                || Resolve(document, schema) is not { } body || body["required"] is not JsonArray { Count: > 0 } required)
            {
                continue;
            }

            var caller = CallerFor(op, callers);
            var path = PathParameter().Replace(op.Path, _ => Guid.NewGuid().ToString());
            foreach (var member in required.Select(r => r!.GetValue<string>()))
            {
                var sent = (JsonObject)ValueOf(document, body)!;
                sent.Remove(member);
                using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), path)
                {
                    Content = new StringContent(sent.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("If-Match", "*");
                var response = await caller.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                checkedMembers++;
                if (response.StatusCode != HttpStatusCode.BadRequest || JsonNode.Parse(answer)?["errors"]?[member] is null)
                {
                    refused.Add($"{op.Name} without {member}: {(int)response.StatusCode} {answer}");
                }
            }
        }

        checkedMembers.ShouldBeGreaterThan(20);
        refused.ShouldBeEmpty();
    }

    private async Task<Dictionary<string, HttpClient>> CallersAsync()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        return new Dictionary<string, HttpClient>
        {
            [""] = factory.CreateClient(),
            ["Admin"] = scenario.Admin,
            ["FrontDesk"] = await scenario.FrontDeskAsync(factory),
            ["Clinician"] = await scenario.ClinicianClientAsync(factory),
            ["Patient"] = (await factory.NewPatientClientAsync()).Client,
        };
    }

    private static readonly string[] RolesInOrder = ["Admin", "FrontDesk", "Clinician", "Patient"];

    /// <summary>A caller the operation's policy admits, so the body is read (authorization comes first).</summary>
    private static HttpClient CallerFor(DocumentedOperation op, Dictionary<string, HttpClient> callers)
    {
        if (!op.IsSecured)
        {
            return callers[""];
        }

        var roles = op.Operation["x-roles"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
        return roles.Count == 0 ? callers["Admin"] : callers[RolesInOrder.First(roles.Contains)];
    }

    /// <summary>The object schema behind a $ref or an allOf/oneOf wrapper.</summary>
    private static JsonObject? Resolve(JsonObject document, JsonNode? schema)
    {
        for (var depth = 0; schema is JsonObject node && depth < 10; depth++)
        {
            if (SwaggerJson.ReferencedSchema(node) is { } name)
            {
                schema = SwaggerJson.Schema(document, name);
            }
            else if (node["allOf"] is JsonArray { Count: > 0 } all)
            {
                schema = all[0];
            }
            else if (node["oneOf"] is JsonArray any)
            {
                schema = any.FirstOrDefault(s => s?["type"]?.ToJsonString() != "\"null\"");
            }
            else
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>A value the schema accepts, with only the required members of objects.</summary>
    private static JsonNode? ValueOf(JsonObject document, JsonNode? schema, int depth = 0)
    {
        var node = Resolve(document, schema);
        if (node is null || depth > 8)
        {
            return null;
        }

        if (node["enum"] is JsonArray { Count: > 0 } values)
        {
            return values.First(v => v is not null)!.DeepClone();
        }

        var type = node["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).First(t => t != "null"),
            JsonValue single => single.GetValue<string>(),
            _ => node["properties"] is null ? "string" : "object",
        };
        return type switch
        {
            "object" => new JsonObject((node["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>())
                .Select(name => KeyValuePair.Create(name, ValueOf(document, node["properties"]?[name], depth + 1)))),
            "array" => new JsonArray([.. Enumerable.Range(0, node["minItems"]?.GetValue<int>() ?? 0).Select(_ => ValueOf(document, node["items"], depth + 1))]),
            "integer" or "number" => JsonValue.Create(node["minimum"] is JsonValue minimum ? decimal.Parse(minimum.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 1),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create(node["format"]?.GetValue<string>() switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => "2026-12-01T09:30:00+10:00",
                "date" => "2026-12-01",
                "time" => "09:30:00",
                "email" => "someone@example.com",
                _ => new string('x', Math.Max(1, node["minLength"]?.GetValue<int>() ?? 1)),
            }),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex PathParameter();
}
