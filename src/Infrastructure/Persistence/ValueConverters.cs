using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
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

internal sealed class IntakeFormIdConverter() : ValueConverter<IntakeFormId, Guid>(id => id.Value, value => new IntakeFormId(value));

/// <summary>Stores an immutable value object as JSON text (enums by name), for records read whole and never queried inside.</summary>
internal sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    value => JsonSerializer.Serialize(value, JsonStorage.Options),
    json => JsonSerializer.Deserialize<T>(json, JsonStorage.Options)!)
    where T : class;

internal static class JsonStorage
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>Compares never-mutated JSON-stored values by reference: a change is always a new instance.</summary>
internal sealed class ImmutableJsonComparer<T>() : ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => v == null ? 0 : v.GetHashCode(), v => v)
    where T : class;

internal sealed class AssessmentIdConverter() : ValueConverter<AssessmentId, Guid>(id => id.Value, value => new AssessmentId(value));
