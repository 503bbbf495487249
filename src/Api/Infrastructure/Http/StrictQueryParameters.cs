using Microsoft.Extensions.Primitives;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Query strings as the contract describes them (docs/decisions/0022): a parameter the operation does not declare
/// answers 400 naming it (a misspelt filter would otherwise return everything), and enum values are matched in any
/// case, as they are in bodies. Runs after authorization, so an anonymous caller still gets 401 first.
/// </summary>
internal static class StrictQueryParameters
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

            context.Request.Query = new QueryCollection(context.Request.Query.ToDictionary(
                pair => pair.Key, pair => EnumNamesAsDeclared(declared[pair.Key], pair.Value), StringComparer.OrdinalIgnoreCase));
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

    private static string Listed(IReadOnlyDictionary<string, Type> declared) =>
        declared.Count == 0 ? "none" : string.Join(", ", declared.Keys.Order(StringComparer.Ordinal));
}
