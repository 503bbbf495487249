using System.Collections.Concurrent;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>
/// The clinic's shape that free slots are laid on: its settings (slot interval, notice, horizon, zone), its locations'
/// clocks, the bookable clinicians with their working hours, and the appointment types asked about so far. Held by
/// <see cref="DiaryOccupancy"/> and replaced whole when any of it changes; read-only once built.
/// </summary>
public sealed class ClinicShape(ClinicSettings settings, ClinicLocations locations, IReadOnlyList<Clinician> bookableClinicians)
{
    private readonly ConcurrentDictionary<AppointmentTypeId, AppointmentType> types = new();

    public ClinicSettings Settings { get; } = settings;

    public ClinicLocations Locations { get; } = locations;

    public IReadOnlyList<Clinician> BookableClinicians { get; } = bookableClinicians;

    public IReadOnlyDictionary<ClinicianId, string> ClinicianNames { get; } = bookableClinicians.ToDictionary(c => c.Id, c => c.DisplayName);

    /// <summary>The appointment type, loaded by <paramref name="load"/> the first time it is asked for (which answers 404 for an unknown one).</summary>
    public async Task<AppointmentType> TypeAsync(AppointmentTypeId id, Func<Task<AppointmentType>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return types.TryGetValue(id, out var held) ? held : types.GetOrAdd(id, await load());
    }
}
