using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Scheduling.Clinicians;

/// <summary>One interval of the weekly template, at a location and in its wall-clock time.</summary>
/// <param name="Day">Monday … Sunday.</param>
/// <param name="Start">Local start, HH:mm.</param>
/// <param name="End">Local end, HH:mm.</param>
/// <param name="LocationId">Where the clinician works then; may be omitted while the clinic has one active location.</param>
public sealed record WorkingIntervalDto(DayOfWeek Day, TimeOnly Start, TimeOnly End, Guid? LocationId = null);

/// <summary>A clinician's weekly working hours.</summary>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="Intervals">Intervals by day and start.</param>
/// <param name="Version">Send it back as If-Match when you change them.</param>
public sealed record WorkingHoursDto(Guid ClinicianId, IReadOnlyList<WorkingIntervalDto> Intervals, Guid Version)
{
    public static WorkingHoursDto From(Clinician clinician)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        return new(clinician.Id.Value, [.. clinician.WorkingHours.Select(i => new WorkingIntervalDto(i.Day, i.Start, i.End, i.LocationId.Value))], clinician.WorkingHoursVersion);
    }
}
