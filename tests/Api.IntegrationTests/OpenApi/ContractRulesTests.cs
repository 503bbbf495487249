using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Application.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>
/// The rules every operation of the contract keeps, checked over the whole served document so that an endpoint added
/// later is held to them too (docs/decisions/0011-openapi-contract.md).
/// </summary>
public partial class ContractRulesTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const string ProblemJson = "application/problem+json";

    private static readonly string[] Combinations = ["allOf", "oneOf", "anyOf"];

    [Fact]
    public async Task EveryOperation_HasAUniqueOperationIdASummaryAndATag()
    {
        var operations = SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory));

        operations.Count.ShouldBeGreaterThanOrEqualTo(60);
        foreach (var op in operations)
        {
            op.Operation["operationId"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{op.Name} has no operationId (WithName)");
            op.Operation["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{op.Name} has no summary (<summary> or WithSummary)");
            (op.Operation["tags"]?.AsArray().Count ?? 0).ShouldBeGreaterThan(0, $"{op.Name} has no tag (WithTags)");
        }

        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ShouldBeUnique();
    }

    /// <summary>The only bodies that are not JSON, because their standards say so: OAuth 2.0's form, iCalendar, the billing documents and the accountant's CSV.</summary>
    private static readonly Dictionary<string, string> NotJson = new()
    {
        ["IssueClientToken request"] = "application/x-www-form-urlencoded",
        ["GetClinicianCalendarFeed 200"] = "text/calendar",
        ["GetInvoicePdf 200"] = "application/pdf",
        ["GetCreditNotePdf 200"] = "application/pdf",
        ["GetReceiptPdf 200"] = "application/pdf",
        ["GetStatementPdf 200"] = "application/pdf",
        ["ExportAccounting 200"] = "text/csv",
    };

    [Fact]
    public async Task EveryRequestAndSuccessBody_IsJsonWithATypedSchema()
    {
        foreach (var op in SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory)))
        {
            if (op.Operation["requestBody"] is JsonObject body && !SwaggerJson.IsFileUpload(op.Operation))
            {
                var requestType = NotJson.GetValueOrDefault($"{op.Operation["operationId"]} request", "application/json");
                body["content"]!.AsObject().Select(c => c.Key).ShouldBe([requestType], $"{op.Name} request body");
                ShouldBeTyped(body["content"]![requestType]!["schema"], $"{op.Name} request body");
            }

            var successes = op.Responses.Where(r => r.Key.StartsWith('2')).ToList();
            successes.ShouldNotBeEmpty($"{op.Name} documents no success answer");
            foreach (var (status, response) in successes)
            {
                if (status == "204")
                {
                    response!["content"].ShouldBeNull($"{op.Name} 204 has content");
                    continue;
                }

                var content = response!["content"]?.AsObject();
                content.ShouldNotBeNull($"{op.Name} {status} has no content (return TypedResults or declare Produces<T>)");
                var responseType = NotJson.GetValueOrDefault($"{op.Operation["operationId"]} {status}", "application/json");
                content.Select(c => c.Key).ShouldBe([responseType], $"{op.Name} {status}");
                ShouldBeTyped(content[responseType]!["schema"], $"{op.Name} {status}");
            }
        }
    }

    [Fact]
    public async Task EveryErrorResponse_IsAProblemDocumentThatSaysWhen()
    {
        foreach (var op in SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory)))
        {
            foreach (var (status, response) in op.Responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var content = response!["content"]!.AsObject();
                if (op.Operation["operationId"]!.GetValue<string>() == "IssueClientToken" && status is "400" or "401")
                {
                    // RFC 6749 §5.2 error JSON (which also carries the problem members; see ADR 0009).
                    SwaggerJson.ReferencedSchema(content["application/json"]!["schema"]).ShouldBe("OAuthError");
                    continue;
                }

                content.Select(c => c.Key).ShouldBe([ProblemJson], $"{op.Name} {status}");
                SwaggerJson.ReferencedSchema(content[ProblemJson]!["schema"])
                    .ShouldBe(status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails", $"{op.Name} {status}");
                var description = response["description"]!.GetValue<string>();
                description.ShouldNotBe(ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
                    $"{op.Name} {status} is described only by its reason phrase");
            }
        }
    }

    [Fact]
    public async Task ErrorResponses_AreDocumentedWhereverThePipelineCanGiveThem()
    {
        foreach (var op in SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory)))
        {
            var statuses = op.Responses.Select(r => r.Key).ToHashSet();
            var parameters = op.Parameters.ToList();
            if (op.Operation["requestBody"] is not null || parameters.Any(p => p["in"]!.GetValue<string>() is "query" or "header"))
            {
                statuses.ShouldContain("400", $"{op.Name} reads a body, query or header but documents no 400");
            }

            if (parameters.Any(p => p["in"]!.GetValue<string>() == "path"))
            {
                statuses.ShouldContain("404", $"{op.Name} names a resource but documents no 404");
            }

            if (op.IsSecured)
            {
                statuses.ShouldContain("401", $"{op.Name} needs a token but documents no 401");
            }

            if (op.Path.StartsWith("/api/auth/", StringComparison.Ordinal) || (op.IsSecured && op.Method is not "get" and not "head"))
            {
                statuses.ShouldContain("429", $"{op.Name} is rate limited but documents no 429");
                op.Responses["429"]!["headers"]?["Retry-After"].ShouldNotBeNull($"{op.Name} 429 has no Retry-After header");
            }

            var ifMatch = parameters.Any(p => p["in"]!.GetValue<string>() == "header" && p["name"]!.GetValue<string>() == "If-Match");
            ifMatch.ShouldBe(statuses.Contains("412"), $"{op.Name}: a 412 and an If-Match parameter go together");
        }
    }

    [Fact]
    public async Task OperationsBehindARolePolicy_Document403()
    {
        var operations = SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory)).Concat(SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory, "fhir")))
            .ToDictionary(o => o.Operation["operationId"]!.GetValue<string>());
        var restricted = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            // AnyCaller admits every signed-in user and every client: it names no role, and nobody gets 403 from it.
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => (a.Policy is not null && a.Policy != Policies.AnyCaller) || a.Roles is not null))
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .ToList();

        restricted.Count.ShouldBeGreaterThan(30);
        foreach (var name in restricted)
        {
            name.ShouldNotBeNull("an endpoint behind a role policy has no name (WithName)");
            operations[name].Responses.Select(r => r.Key).ShouldContain("403", $"{name} is behind a role policy but documents no 403");
        }
    }

    [Theory]
    [InlineData("CreateWebhookSubscriptionCommand")]
    [InlineData("WebhookSubscriptionDto")]
    [InlineData("CreatedWebhookSubscriptionDto")]
    public async Task WebhookSubscriptionEvents_ListEveryEventTypeAsAnEnum(string schemaName)
    {
        var schemas = (await SwaggerJson.LoadAsync(factory))["components"]!["schemas"]!;

        var events = schemas[schemaName]!["properties"]!["events"]!["items"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>());

        events.ShouldBe(WebhookEventTypes.All, ignoreOrder: true);
        events.ShouldContain("intake.emergency");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("fhir")]
    public async Task NoDescription_ShowsARawXmlDocTag(string documentName)
    {
        var document = await SwaggerJson.LoadAsync(factory, documentName);

        var raw = Descendants(document)
            .SelectMany(o => new[] { o["description"], o["summary"] }.OfType<JsonValue>())
            .Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String && XmlDocTag().IsMatch(v.GetValue<string>()))
            .Select(v => v.GetValue<string>())
            .ToList();

        raw.ShouldBeEmpty("an XML doc tag the comment reader did not turn into Markdown (a <c> across a line break, an unescaped <)");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"</?(c|code|see|seealso|paramref|typeparamref|para|list|item|term|summary|remarks|returns|example|inheritdoc)\b[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex XmlDocTag();

    [Fact]
    public async Task NoSchema_CombinesNullWithAReference()
    {
        var document = await SwaggerJson.LoadAsync(factory);

        var contradictions = Descendants(document).Where(o => o["allOf"] is not null && o["type"]?.ToJsonString() == "\"null\"").ToList();

        contradictions.ShouldBeEmpty("type null beside allOf [$ref] admits no value: write oneOf [$ref, null]");
    }

    [Fact]
    public async Task Webhooks_DescribeEveryEventWithItsPayloadAndTheSignatureHeaders()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var webhooks = document["webhooks"]!.AsObject();

        webhooks.Select(w => w.Key).ShouldBe(WebhookEventTypes.All, ignoreOrder: true);
        foreach (var (type, item) in webhooks)
        {
            var post = item!["post"]!;
            post["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header" && p["required"]!.GetValue<bool>())
                .Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Webhook-Id", "Webhook-Timestamp", "Webhook-Signature"], ignoreOrder: true);
            var body = SwaggerJson.Schema(document, SwaggerJson.ReferencedSchema(post["requestBody"]!["content"]!["application/json"]!["schema"])!);
            body["properties"]!["type"]!["enum"]!.AsArray().Single()!.GetValue<string>().ShouldBe(type);
            var data = SwaggerJson.Schema(document, SwaggerJson.ReferencedSchema(body["properties"]!["data"])!);
            data["required"]!.AsArray().Select(r => r!.GetValue<string>())
                .ShouldBe(WebhookEventTypes.Data[type].GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)), ignoreOrder: true);
            post["requestBody"]!["content"]!["application/json"]!["example"]!["type"]!.GetValue<string>().ShouldBe(type);
        }
    }

    [Fact]
    public async Task EverySchemaOnlyAnswersUse_MarksEveryMemberRequired()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var operations = SwaggerJson.Operations(document);
        var requests = Reached(document, operations.SelectMany(op => op.Parameters.Select(p => p["schema"])
            .Concat(op.Operation["requestBody"]?["content"]?.AsObject().Select(c => c.Value!["schema"]) ?? [])));
        var answers = Reached(document, operations.SelectMany(op => op.Responses.SelectMany(r => r.Value!["content"]?.AsObject().Select(c => c.Value!["schema"]) ?? []))
            .Concat(document["webhooks"]!.AsObject().Select(w => w.Value!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"])));

        var optional = answers.Except(requests)
            .Select(name => (name, schema: SwaggerJson.Schema(document, name)))
            .Where(s => s.schema["additionalProperties"] is null or JsonValue && s.schema["properties"] is JsonObject)
            .SelectMany(s => s.schema["properties"]!.AsObject().Select(p => p.Key)
                .Except(s.schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Select(member => $"{s.name}.{member}"))
            .ToList();

        answers.Except(requests).Count().ShouldBeGreaterThan(30);
        optional.ShouldBeEmpty("the API writes every member of an answer: mark it required so generated clients type it as present");
    }

    /// <summary>The components the schemas refer to, through members, items and combinations; not through read-only members.</summary>
    private static HashSet<string> Reached(JsonObject document, IEnumerable<JsonNode?> schemas)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>(schemas);
        while (pending.TryPop(out var schema))
        {
            if (schema is not JsonObject node || node["readOnly"]?.GetValue<bool>() == true)
            {
                continue;
            }

            if (SwaggerJson.ReferencedSchema(node) is { } name)
            {
                if (reached.Add(name))
                {
                    pending.Push(SwaggerJson.Schema(document, name));
                }

                continue;
            }

            foreach (var child in (node["properties"]?.AsObject().Select(p => p.Value) ?? [])
                .Concat(Combinations.SelectMany(k => node[k]?.AsArray() ?? []))
                .Append(node["items"]).Append(node["additionalProperties"]))
            {
                pending.Push(child);
            }
        }

        return reached;
    }

    [Fact]
    public async Task EveryPutWithAGet_AcceptsTheMembersTheGetAnswers()
    {
        var document = await SwaggerJson.LoadAsync(factory);
        var missing = new List<string>();
        var checkedPairs = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var written = item!["put"]?["requestBody"]?["content"]?["application/json"]?["schema"];
            var read = item["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"];
            if (written is null || read is null)
            {
                continue;
            }

            checkedPairs++;
            MissingMembers(document, $"PUT {path}", Resolve(document, read), Resolve(document, written), missing, []);
        }

        checkedPairs.ShouldBeGreaterThanOrEqualTo(4);
        missing.ShouldBeEmpty("a client that reads, changes and sends back would get 400: declare the member or [AcceptsReadOnlyMembersOf] the read type");
    }

    private static void MissingMembers(JsonObject document, string where, JsonObject read, JsonObject written, List<string> missing, HashSet<string> seen)
    {
        if (!seen.Add($"{read.ToJsonString().GetHashCode()}:{written.ToJsonString().GetHashCode()}"))
        {
            return;
        }

        var accepted = written["properties"]?.AsObject();
        foreach (var (name, member) in read["properties"]?.AsObject() ?? [])
        {
            var acceptedMember = accepted?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (acceptedMember is null)
            {
                missing.Add($"{where}: {name}");
            }
            else if (acceptedMember["readOnly"]?.GetValue<bool>() != true)
            {
                MissingMembers(document, $"{where}.{name}", Resolve(document, member), Resolve(document, acceptedMember), missing, seen);
            }
        }
    }

    /// <summary>The object schema behind $ref, allOf [$ref] and oneOf [$ref, null] wrappers (an array's items).</summary>
    private static JsonObject Resolve(JsonObject document, JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 20; depth++)
        {
            schema = SwaggerJson.ReferencedSchema(schema) is { } name ? SwaggerJson.Schema(document, name)
                : schema["allOf"]?[0] ?? schema["oneOf"]?.AsArray().FirstOrDefault(s => s?["type"]?.ToJsonString() != "\"null\"") ?? schema["items"]
                ?? (schema["properties"] is null ? null : schema);
            if (schema?["properties"] is not null)
            {
                return schema.AsObject();
            }
        }

        return [];
    }

    private static void ShouldBeTyped(JsonNode? schema, string where)
    {
        schema.ShouldNotBeNull($"{where} has no schema");
        var typed = schema["$ref"] is not null || schema["type"] is not null || schema["allOf"] is not null || schema["oneOf"] is not null;
        typed.ShouldBeTrue($"{where} has an untyped schema: {schema.ToJsonString()}");
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
