using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Domain.Treatment;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>Stores every <see cref="DateTime"/> as UTC and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

/// <summary>Stores an immutable value object as JSON text (enums by name), for records read whole and never queried inside.</summary>
internal sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    value => JsonSerializer.Serialize(value, JsonStorage.Options),
    json => JsonSerializer.Deserialize<T>(json, JsonStorage.Options)!)
    where T : class;

internal static class JsonStorage
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { InterventionKinds } },
    };

    /// <summary>Stores each kind of intervention with a "kind" discriminator, keeping serialization attributes out of the domain.</summary>
    private static void InterventionKinds(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        if (info.Type != typeof(InterventionDetails))
        {
            return;
        }

        info.PolymorphismOptions = new System.Text.Json.Serialization.Metadata.JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "kind",
            DerivedTypes =
            {
                new(typeof(RestDetails), "rest"), new(typeof(IceOrHeatDetails), "iceOrHeat"), new(typeof(MedicationDetails), "medication"),
                new(typeof(PhysiotherapyDetails), "physiotherapy"), new(typeof(InjectionDetails), "injection"),
                new(typeof(SurgicalReferralDetails), "surgicalReferral"), new(typeof(ReturnToRunDetails), "returnToRun"),
            },
        };
    }
}

/// <summary>Compares never-mutated JSON-stored values by reference: a change is always a new instance.</summary>
internal sealed class ImmutableJsonComparer<T>() : ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => v == null ? 0 : v.GetHashCode(), v => v)
    where T : class;

