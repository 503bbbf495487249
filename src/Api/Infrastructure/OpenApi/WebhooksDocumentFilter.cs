using System.Text.Json.Nodes;
using ClinicHip.Application.Webhooks;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI 3.1 <c>webhooks</c> section: one entry per event type (<see cref="WebhookEventTypes"/>) with the
/// body's schema, its <c>data</c> ids, and the Standard Webhooks headers a receiver verifies, so a generated client
/// can type what it receives as well as what it sends.
/// </summary>
internal sealed class WebhooksDocumentFilter : IDocumentFilter
{
    private const string Tag = "Webhooks";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (context.DocumentName != OpenApiSetup.DocumentName)
        {
            return;
        }

        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        swaggerDoc.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in WebhookEventTypes.All.Order(StringComparer.Ordinal))
        {
            var schemaName = SchemaName(type);
            var schema = EventSchema(type, WebhookEventTypes.Data[type]);
            if (WebhookEventTypes.Bookkeeping.TryGetValue(type, out var bookkeeping))
            {
                schema.Properties!["bookkeeping"] = context.SchemaGenerator.GenerateSchema(bookkeeping, context.SchemaRepository);
                schema.Required!.Add("bookkeeping");
            }

            swaggerDoc.Components.Schemas[schemaName] = schema;
            swaggerDoc.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = $"Receive{schemaName}",
                        Summary = $"{type}: ClinicHip POSTs it to each subscription to it",
                        Description = (WebhookEventTypes.Bookkeeping.ContainsKey(type)
                            ? "Ids, and the bookkeeping figures an accounting integration needs (amounts in minor units, numbers, dates, payer, items); never clinical content. "
                            : "A thin event: ids only, never names or clinical content; read the resources with the API. ") +
                            "Verify the Standard Webhooks signature on the raw body before trusting it, and de-duplicate on Webhook-Id " +
                            "(the same on every retry and redelivery).",
                        Tags = new HashSet<OpenApiTagReference> { new(Tag, swaggerDoc) },
                        Parameters = [.. SignatureHeaders()],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, IOpenApiMediaType>
                            {
                                ["application/json"] = new OpenApiMediaType
                                {
                                    Schema = new OpenApiSchemaReference(schemaName, swaggerDoc),
                                    Example = Example(type, WebhookEventTypes.Data[type]),
                                },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["2XX"] = new OpenApiResponse
                            {
                                Description = "Received. Answer within 10 seconds; anything else, no answer or a redirect is retried after " +
                                    "5 s, 30 s, 2 min, 10 min, 1 h and 6 h (with jitter), then the delivery is marked Failed.",
                            },
                        },
                    },
                },
            };
        }
    }

    /// <summary>appointment.no_show → AppointmentNoShowEvent.</summary>
    private static string SchemaName(string type) =>
        string.Concat(type.Split('.', '_').Select(word => char.ToUpperInvariant(word[0]) + word[1..])) + "Event";

    /// <summary>A body as it is sent, with fixed ids so the document does not change from run to run.</summary>
    private static JsonObject Example(string type, WebhookEventData data)
    {
        var ids = new JsonObject();
        foreach (var (name, index) in data.Always.Select((name, index) => (name, index)))
        {
            ids[name] = $"0193a5b0-7e4c-7d2a-9c1e-00000000000{index + 1}";
        }

        return new JsonObject
        {
            ["id"] = "0193a5b0-7e4c-7d2a-9c1e-4f6a2b8c9d01",
            ["type"] = type,
            ["occurredAt"] = "2026-12-01T00:30:00Z",
            ["data"] = ids,
        };
    }

    private static OpenApiSchema EventSchema(string type, WebhookEventData data)
    {
        var ids = data.Always.Concat(data.WhenTheyApply).ToDictionary(
            name => name, name => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" });
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"The body of a {type} delivery.",
            AdditionalPropertiesAllowed = false,
            Required = new HashSet<string> { "id", "type", "occurredAt", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The event id, also the Webhook-Id header." },
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)], Description = "The event type." },
                ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it happened (UTC)." },
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = data.WhenTheyApply.Count == 0
                        ? "The ids of the resources it concerns."
                        : $"The ids of the resources it concerns; {string.Join(", ", data.WhenTheyApply)} only when there is one.",
                    AdditionalPropertiesAllowed = false,
                    Required = new HashSet<string>(data.Always),
                    Properties = ids,
                },
            },
        };
    }

    private static IEnumerable<OpenApiParameter> SignatureHeaders()
    {
        yield return Header("Webhook-Id", "The event id: the same on every retry and redelivery; de-duplicate on it.",
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" });
        yield return Header("Webhook-Timestamp", "When this attempt was signed, in Unix seconds; refuse one more than five minutes off.",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" });
        yield return Header("Webhook-Signature",
            "Standard Webhooks: v1,<base64 HMAC-SHA256 of \"{Webhook-Id}.{Webhook-Timestamp}.{raw body}\">, keyed with the bytes whose " +
            "base64 follows whsec_ in the subscription's secret; a Standard Webhooks library verifies it. (Subscriptions created " +
            "before that signature are signed v1=<hex> until they are replaced: see the changelog.)",
            new OpenApiSchema { Type = JsonSchemaType.String });
    }

    private static OpenApiParameter Header(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = schema };
}
