using System.Text.RegularExpressions;
using ClinicHip.Api.Infrastructure.Errors;
using Microsoft.Extensions.Primitives;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Query strings as the contract describes them (docs/decisions/0022): a parameter the operation does not declare
/// answers 400 naming it (a misspelt filter would otherwise return everything), an instant without its offset (a date
/// alone) answers 400 as any unreadable value does, and enum values are matched in any case, as they are in bodies. Runs after authorization, so an anonymous caller still gets 401 first.
/// </summary>
internal static partial class StrictQueryParameters
{
    public static IApplicationBuilder UseStrictQueryParameters(this IApplicationBuilder app, PathString under) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.Count == 0 || !context.Request.Path.StartsWithSegments(under) || context.GetEndpoint() is not { } endpoint)
            {
                await next(context);
                return;
            }

            var declared = EndpointParameters.Query(endpoint);
            var unknown = context.Request.Query.Keys.Where(key => !declared.ContainsKey(key)).ToList();
            if (unknown.Count > 0)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.ValidationProblem(
                        unknown.ToDictionary(key => key, _ => new[] { $"This operation takes no such query parameter; it takes {Listed(declared)}." }),
                        detail: $"Unknown query parameter{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown)}.")
                    .ExecuteAsync(context);
                return;
            }

            // DateTimeOffset.TryParse would take a date alone as midnight on the server's clock: an instant needs a time, and
            // a time without an offset is read as UTC (generated clients such as NSwag's write "s", which drops the offset).
            var withoutOffset = context.Request.Query.Where(pair => IsInstant(declared[pair.Key]) && pair.Value.Any(value => !IsInstantValue().IsMatch(value ?? ""))).ToList();
            if (withoutOffset.Count > 0)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.ValidationProblem(withoutOffset.ToDictionary(
                        pair => pair.Key, pair => new[] { $"'{pair.Value}' is not {UnreadableRequestProblem.Accepted(declared[pair.Key])}." }))
                    .ExecuteAsync(context);
                return;
            }

            context.Request.Query = new QueryCollection(context.Request.Query.ToDictionary(
                pair => pair.Key, pair => IsInstant(declared[pair.Key]) ? AsUtcWhereNoOffset(pair.Value) : EnumNamesAsDeclared(declared[pair.Key], pair.Value),
                StringComparer.OrdinalIgnoreCase));
            await next(context);
        });

    /// <summary>An enum value in any case becomes the declared name the framework's case-sensitive parser accepts.</summary>
    private static StringValues EnumNamesAsDeclared(Type type, StringValues values)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType() : null) ?? type;
        if (!enumType.IsEnum)
        {
            return values;
        }

        var names = Enum.GetNames(enumType);
        return new StringValues(values.Select(value =>
            names.FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) ?? value).ToArray());
    }

    private static StringValues AsUtcWhereNoOffset(StringValues values) =>
        new([.. values.Select(value => value is not null && !HasOffset().IsMatch(value) ? value + "Z" : value)]);

    private static bool IsInstant(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateTimeOffset) || t == typeof(DateTime));

    // An unencoded '+' in a query string arrives as a space: that offset is still the client's own.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\- ]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\- ]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex IsInstantValue();

    private static string Listed(IReadOnlyDictionary<string, Type> declared) =>
        declared.Count == 0 ? "none" : string.Join(", ", declared.Keys.Order(StringComparer.Ordinal));
}
