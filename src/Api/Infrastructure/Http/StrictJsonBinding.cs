using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClinicHip.Application.Common.Models;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Request bodies as the schemas describe them (docs/decisions/0022): enums by name in any case, and a member the
/// request does not declare refused by name, except the read-only members of the document a PUT may send back
/// (<see cref="AcceptsReadOnlyMembersOfAttribute"/>), which are read and dropped. A member the schema marks required
/// (a record parameter with no default that cannot be null) must be sent: left out, an enum would silently take its
/// first value and an id the empty one.
/// </summary>
internal static class StrictJsonBinding
{
    public static IServiceCollection AddStrictJsonBinding(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.Converters.Add(new JsonStringEnumConverter());
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.TypeInfoResolver = JsonTypeInfoResolver.Combine(AvailabilityJson.Default, json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(AcceptReadOnlyMembers).WithAddedModifier(RequireWhatTheSchemaRequires);
        });

    /// <summary>The JSON names a type is written under, as the API writes its answers.</summary>
    public static IEnumerable<(string Name, PropertyInfo Property)> WrittenMembers(Type type, JsonSerializerOptions options) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is null && property.GetIndexParameters().Length == 0)
            .Select(property => (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name, property));

    /// <summary>The same rule as the schemas' <c>required</c> lists (OpenApi.RequiredRecordMembersSchemaFilter).</summary>
    private static void RequireWhatTheSchemaRequires(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false })
            {
                property.IsRequired = true;
            }
        }
    }

    private static void AcceptReadOnlyMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.GetCustomAttribute<AcceptsReadOnlyMembersOfAttribute>() is not { } readBack)
        {
            return;
        }

        var declared = typeInfo.Properties.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in WrittenMembers(readBack.ReadType, typeInfo.Options).Where(member => !declared.Contains(member.Name)))
        {
            // Any JSON value is read and dropped: the request's own members (and If-Match) say what changes.
            var sink = typeInfo.CreateJsonPropertyInfo(typeof(JsonElement), name);
            sink.Set = static (_, _) => { };
            typeInfo.Properties.Add(sink);
        }
    }
}
