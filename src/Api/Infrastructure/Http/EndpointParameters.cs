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

    /// <summary>The type of the endpoint's parameter of that name, or null.</summary>
    public static Type? TypeOf(Endpoint? endpoint, string name) => Declared(endpoint).GetValueOrDefault(name);
}
