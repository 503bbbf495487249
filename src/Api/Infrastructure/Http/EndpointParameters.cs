using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>The parameters an endpoint's handler declares, read from its metadata, so a new endpoint needs nothing.</summary>
internal static class EndpointParameters
{
    /// <summary>The handler's parameters by the name they bind from (and the members of an <c>[AsParameters]</c> type).</summary>
    public static IReadOnlyDictionary<string, Type> Declared(Endpoint? endpoint)
    {
        var declared = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var info = parameter.ParameterInfo;
            if (info.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var member in info.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    declared.TryAdd(member.GetCustomAttribute<FromQueryAttribute>()?.Name ?? member.Name, member.PropertyType);
                }

                continue;
            }

            declared.TryAdd(info.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name, info.ParameterType);
        }

        return declared;
    }

    /// <summary>
    /// The parameters bound from the query string: those marked <c>[FromQuery]</c>, and the simple values that are not
    /// route values or bound from elsewhere (header, body, form, services), as the framework decides.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> Query(Endpoint? endpoint)
    {
        var route = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var query = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in endpoint?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var info = parameter.ParameterInfo;
            var members = info.GetCustomAttribute<AsParametersAttribute>() is null
                ? [(Name: parameter.Name, Type: info.ParameterType, Attributes: info.GetCustomAttributes(inherit: true), parameter.HasTryParse)]
                : info.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(member => (Name: member.Name, Type: member.PropertyType, Attributes: member.GetCustomAttributes(inherit: true), HasTryParse: false));
            foreach (var (name, type, attributes, hasTryParse) in members)
            {
                var fromQuery = attributes.OfType<FromQueryAttribute>().FirstOrDefault();
                var elsewhere = attributes.Any(a => a is IFromHeaderMetadata or IFromRouteMetadata or IFromBodyMetadata or IFromFormMetadata or IFromServiceMetadata);
                if (fromQuery is not null || (!elsewhere && !route.Contains(name) && (hasTryParse || IsSimpleValue(type))))
                {
                    query.TryAdd(fromQuery?.Name ?? name, type);
                }
            }
        }

        return query;
    }

    /// <summary>The type of the endpoint's parameter of that name, or null.</summary>
    public static Type? TypeOf(Endpoint? endpoint, string name) => Declared(endpoint).GetValueOrDefault(name);

    private static bool IsSimpleValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset)
            || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(decimal);
    }
}
