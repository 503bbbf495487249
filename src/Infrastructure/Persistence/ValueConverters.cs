using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
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
