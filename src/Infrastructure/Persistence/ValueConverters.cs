using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>Stores every <see cref="DateTime"/> as UTC and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

internal sealed class PatientIdConverter() : ValueConverter<PatientId, Guid>(id => id.Value, value => new PatientId(value));

internal sealed class StaffMemberIdConverter() : ValueConverter<StaffMemberId, Guid>(id => id.Value, value => new StaffMemberId(value));

internal sealed class ClinicianIdConverter() : ValueConverter<ClinicianId, Guid>(id => id.Value, value => new ClinicianId(value));

internal sealed class AppointmentIdConverter() : ValueConverter<AppointmentId, Guid>(id => id.Value, value => new AppointmentId(value));

internal sealed class AppointmentTypeIdConverter() : ValueConverter<AppointmentTypeId, Guid>(id => id.Value, value => new AppointmentTypeId(value));

internal sealed class TimeOffIdConverter() : ValueConverter<TimeOffId, Guid>(id => id.Value, value => new TimeOffId(value));

internal sealed class IntegrationClientIdConverter() : ValueConverter<IntegrationClientId, Guid>(id => id.Value, value => new IntegrationClientId(value));

internal sealed class IntakeFormIdConverter() : ValueConverter<IntakeFormId, Guid>(id => id.Value, value => new IntakeFormId(value));

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

internal sealed class AssessmentIdConverter() : ValueConverter<AssessmentId, Guid>(id => id.Value, value => new AssessmentId(value));

internal sealed class TreatmentPlanIdConverter() : ValueConverter<TreatmentPlanId, Guid>(id => id.Value, value => new TreatmentPlanId(value));
