using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ClinicHip.Api.Infrastructure.Errors;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Marks a positional record member as required when it has no default value and cannot be null: the server always
/// writes it in answers, and a request without it fails validation. Without this a generated client would type
/// every field of every answer as optional. Members declared <c>required</c> are already marked by Swashbuckle.
/// </summary>
internal sealed class RequiredRecordMembersSchemaFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } objectSchema || context.Type.IsEnum || context.Type.IsPrimitive)
        {
            return;
        }

        var constructor = context.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            // A member renamed with [JsonPropertyName] (snake_case OAuth answers) is written under that name.
            var jsonName = context.Type.GetProperty(parameter.Name ?? "")?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? parameter.Name;
            var name = objectSchema.Properties.Keys.FirstOrDefault(key => string.Equals(key, jsonName, StringComparison.OrdinalIgnoreCase));
            if (name is null || parameter.HasDefaultValue || !IsNonNullable(parameter))
            {
                continue;
            }

            objectSchema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            objectSchema.Required.Add(name);
        }
    }

    private bool IsNonNullable(ParameterInfo parameter) => parameter.ParameterType.IsValueType
        ? Nullable.GetUnderlyingType(parameter.ParameterType) is null
        : nullability.Create(parameter).WriteState == NullabilityState.NotNull;
}

/// <summary>
/// The members ClinicHip adds to every problem document (<c>traceId</c>) and to its own outcomes (<c>code</c>, one of
/// the catalogue's codes, whose <c>type</c> URI is that code's page), so clients can read them typed. The codes, and
/// in <c>x-problem-types</c> each one's status and type URI, come from docs/problem-types.md, as the pages do.
/// </summary>
internal sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema problem)
        {
            return;
        }

        var catalogue = ProblemTypeCatalogue.All;
        problem.Description = "An RFC 9457 problem document. ClinicHip's own outcomes carry a code; the type URI of each " +
            $"(relative to the server, under {ProblemTypeCatalogue.PagePath}) is a page describing it.";
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties.TryAdd("traceId", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Quote it when reporting the error: it finds the request in the logs.",
        });
        problem.Properties.TryAdd("code", new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            Description = "ClinicHip's own outcome, e.g. appointment.slot-conflict; branch on it. The type is the URI of its page, " +
                $"{ProblemTypeCatalogue.PagePath}/{{code}} under the API's public address.",
            // Sorted, so moving rows in the catalogue does not change the document; null for the statuses that need no code.
            Enum = [.. catalogue.Select(entry => entry.Code).Order(StringComparer.Ordinal).Select(code => (JsonNode)JsonValue.Create(code)), null!],
        });
        problem.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        problem.Extensions["x-problem-types"] = new JsonNodeExtension(new JsonArray([.. catalogue.Select(entry => new JsonObject
        {
            ["code"] = entry.Code,
            ["status"] = entry.Status,
            ["type"] = ProblemTypeCatalogue.PathOf(entry.Code),
        })]));
    }
}

/// <summary>
/// A member that may be null and refers to another schema (a nullable enum, an optional profile) is written as
/// <c>oneOf: [{ $ref }, { type: "null" }]</c>. Swashbuckle writes it as <c>type: "null"</c> beside <c>allOf: [{ $ref }]</c>,
/// which no value satisfies: a generated client would type the member as always absent.
/// </summary>
internal sealed class NullableReferencesDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in swaggerDoc.Components?.Schemas?.Values ?? [])
        {
            Rewrite(schema, visited);
        }

        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Rewrite(parameter.Schema, visited);
            }

            foreach (var media in (operation.RequestBody?.Content?.Values ?? []).Concat(operation.Responses?.Values.SelectMany(r => r.Content?.Values ?? []) ?? []))
            {
                Rewrite(media.Schema, visited);
            }
        }
    }

    private static void Rewrite(IOpenApiSchema? candidate, HashSet<OpenApiSchema> visited)
    {
        if (candidate is not OpenApiSchema schema || !visited.Add(schema))
        {
            return;
        }

        if (schema.Type == JsonSchemaType.Null && schema.AllOf is [OpenApiSchemaReference reference])
        {
            schema.Type = null;
            schema.AllOf = null;
            schema.OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }];
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []))
        {
            Rewrite(child, visited);
        }

        Rewrite(schema.Items, visited);
        Rewrite(schema.AdditionalProperties, visited);
    }
}

/// <summary>
/// The webhook event types, as an enum on every <c>events</c> list of a subscription, so the contract (and the clients
/// generated from it) lists the events a subscription may ask for instead of leaving them to prose.
/// </summary>
internal sealed class WebhookEventsSchemaFilter : ISchemaFilter
{
    private static readonly HashSet<Type> SubscriptionTypes =
        [typeof(CreateWebhookSubscriptionCommand), typeof(WebhookSubscriptionDto), typeof(CreatedWebhookSubscriptionDto)];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!SubscriptionTypes.Contains(context.Type) || schema is not OpenApiSchema { Properties: { } properties }
            || properties.FirstOrDefault(p => string.Equals(p.Key, "events", StringComparison.OrdinalIgnoreCase)).Value is not OpenApiSchema { Items: OpenApiSchema items })
        {
            return;
        }

        items.Enum = WebhookEventTypes.All.Order(StringComparer.Ordinal).Select(type => (JsonNode)JsonValue.Create(type)).ToList();
    }
}

/// <summary>
/// A request that accepts back the document its GET answered (<see cref="AcceptsReadOnlyMembersOfAttribute"/>) lists
/// that document's other members as <c>readOnly</c>: sending them is allowed and changes nothing, so the schema's
/// <c>additionalProperties: false</c> stays true for everything else.
/// </summary>
internal sealed class ReadOnlyMembersSchemaFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        // The component itself, not the wrappers that refer to it (a request body's allOf carries no members).
        if (context.Type.GetCustomAttribute<AcceptsReadOnlyMembersOfAttribute>() is not { } readBack || schema is not OpenApiSchema { Properties.Count: > 0 } objectSchema)
        {
            return;
        }

        foreach (var (name, property) in StrictJsonBinding.WrittenMembers(readBack.ReadType, json.Value.SerializerOptions))
        {
            if (objectSchema.Properties.Keys.Any(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            const string description = "Read-only: accepted so that what GET answered can be sent back, and ignored.";
            var member = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository, memberInfo: property);
            objectSchema.Properties[name] = member is OpenApiSchema inline
                ? Annotated(inline, description)
                : new OpenApiSchema { OneOf = [member, new OpenApiSchema { Type = JsonSchemaType.Null }], ReadOnly = true, Description = description };
        }
    }

    private static OpenApiSchema Annotated(OpenApiSchema schema, string description)
    {
        schema.ReadOnly = true;
        schema.Description = description;
        return schema;
    }
}

/// <summary>
/// A member kept only for earlier clients (<see cref="DeprecatedMemberAttribute"/>) is <c>deprecated</c> in the
/// contract, with its replacement (<c>x-replaced-by</c>) and sunset date (<c>x-sunset</c>), so generated clients flag its use.
/// </summary>
internal sealed class DeprecatedMembersSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo?.GetCustomAttribute<DeprecatedMemberAttribute>() is not { } deprecated || schema is not OpenApiSchema member)
        {
            return;
        }

        // The description is the member's XML comment (applied later); the replacement and the sunset are also machine-readable.
        member.Deprecated = true;
        member.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        member.Extensions["x-replaced-by"] = new JsonNodeExtension(JsonValue.Create(deprecated.Replacement));
        member.Extensions["x-sunset"] = new JsonNodeExtension(JsonValue.Create(deprecated.Sunset));
    }
}
