using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// The API writes every member of an answer, null or not (no member is skipped when null), so every member of a schema
/// only answers use is <c>required</c>: a generated client types it as present (and as nullable where it may be null).
/// A schema requests use as well keeps the request's rule (<see cref="RequiredRecordMembersSchemaFilter"/>), since a
/// request may leave out what has a default. Open schemas (problem documents, which carry extension members and leave
/// out empty ones) are left as they are. Webhook bodies count as answers: ClinicHip writes them.
/// </summary>
internal sealed class RequiredResponseMembersDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (context.DocumentName != OpenApiSetup.DocumentName || swaggerDoc.Components?.Schemas is not { } schemas)
        {
            return;
        }

        var operations = swaggerDoc.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var schema in (operation.Parameters ?? []).Select(p => p.Schema)
                .Concat(operation.RequestBody?.Content?.Values.Select(m => m.Schema) ?? []))
            {
                Reach(schema, schemas, requests);
            }
        }

        var answers = new HashSet<string>(StringComparer.Ordinal);
        var webhookBodies = (swaggerDoc.Webhooks?.Values ?? []).SelectMany(w => w.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.RequestBody?.Content?.Values.Select(m => m.Schema) ?? []);
        foreach (var schema in operations.SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .SelectMany(r => r.Content?.Values.Select(m => m.Schema) ?? []).Concat(webhookBodies))
        {
            Reach(schema, schemas, answers);
        }

        foreach (var name in answers.Except(requests))
        {
            if (schemas[name] is OpenApiSchema { Properties.Count: > 0, AdditionalProperties: null } answer)
            {
                answer.Required = new HashSet<string>(answer.Properties.Keys, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Adds the components <paramref name="schema"/> refers to, directly or through its members, to <paramref name="reached"/>.</summary>
    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> reached)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && reached.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    Reach(target, schemas, reached);
                }

                return;
            case OpenApiSchema inline:
                // A read-only member of a request is what its GET answered, sent back and ignored: not a request shape.
                foreach (var child in (inline.Properties?.Values.Where(p => p is not OpenApiSchema { ReadOnly: true }) ?? [])
                    .Concat(inline.AllOf ?? []).Concat(inline.OneOf ?? []).Concat(inline.AnyOf ?? []))
                {
                    Reach(child, schemas, reached);
                }

                Reach(inline.Items, schemas, reached);
                Reach(inline.AdditionalProperties, schemas, reached);
                return;
        }
    }
}
