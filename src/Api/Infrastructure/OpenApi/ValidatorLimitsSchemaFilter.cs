using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// The limits a request's validator enforces, written into its schema so a generated client can check before sending:
/// lengths, bounds, patterns and non-empty strings, from the validator's own rules (FluentValidation's descriptor), so
/// the contract and the 400 cannot drift. A rule with a condition (When/Unless) holds only sometimes, and is left to the
/// description.
/// </summary>
internal sealed class ValidatorLimitsSchemaFilter(IServiceScopeFactory scopes) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } objectSchema)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator)
        {
            return;
        }

        var descriptor = validator.CreateDescriptor();
        foreach (var (name, property) in objectSchema.Properties)
        {
            var member = descriptor.GetMembersWithValidators().Select(g => g.Key)
                .FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
            if (member is null || property is not OpenApiSchema target)
            {
                continue;
            }

            foreach (var (rule, component) in descriptor.GetValidatorsForMember(member))
            {
                if (!component.HasCondition && !component.HasAsyncCondition)
                {
                    Apply(target, rule);
                }
            }
        }
    }

    private static void Apply(OpenApiSchema schema, IPropertyValidator rule)
    {
        switch (rule)
        {
            case ILengthValidator length:
                schema.MinLength = length.Min > 0 ? length.Min : schema.MinLength;
                schema.MaxLength = length.Max > 0 ? length.Max : schema.MaxLength;
                break;
            case INotEmptyValidator when schema.Type?.HasFlag(JsonSchemaType.String) == true:
                schema.MinLength ??= 1;
                break;
            case INotEmptyValidator when schema.Type?.HasFlag(JsonSchemaType.Array) == true:
                schema.MinItems ??= 1;
                break;
            case IRegularExpressionValidator pattern:
                schema.Pattern = pattern.Expression;
                break;
            case IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                (schema.Minimum, schema.Maximum) = (from, to);
                if (rule.Name == "ExclusiveBetweenValidator")
                {
                    (schema.ExclusiveMinimum, schema.ExclusiveMaximum, schema.Minimum, schema.Maximum) = (from, to, null, null);
                }

                break;
            case IComparisonValidator { ValueToCompare: var value } comparison when Number(value) is { } bound:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual: schema.Minimum = bound; break;
                    case Comparison.GreaterThan: schema.ExclusiveMinimum = bound; break;
                    case Comparison.LessThanOrEqual: schema.Maximum = bound; break;
                    case Comparison.LessThan: schema.ExclusiveMaximum = bound; break;
                }

                break;
        }
    }

    /// <summary>A numeric bound as JSON Schema writes it; a bound on a date or a member is not a number, and is left out.</summary>
    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
