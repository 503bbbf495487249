namespace ClinicHip.Domain.Locations;

/// <summary>
/// The clinic's locations with the clinic's time zone: what turns a working interval's wall-clock times into instants,
/// and what booking checks a location against.
/// </summary>
public sealed class ClinicLocations
{
    private readonly Dictionary<LocationId, Location> byId;

    public ClinicLocations(TimeZoneInfo clinicZone, IEnumerable<Location> locations)
    {
        ArgumentNullException.ThrowIfNull(clinicZone);
        ClinicZone = clinicZone;
        byId = locations.ToDictionary(l => l.Id);
    }

    /// <summary>The clinic's own zone: the zone of locations without one, and of clinic-wide views.</summary>
    public TimeZoneInfo ClinicZone { get; }

    public IEnumerable<Location> All => byId.Values;

    public Location? Find(LocationId id) => byId.GetValueOrDefault(id);

    /// <summary>The wall clock of a location; an unknown one is read in the clinic's zone.</summary>
    public TimeZoneInfo ZoneOf(LocationId id) => byId.TryGetValue(id, out var location) ? location.TimeZone(ClinicZone) : ClinicZone;

    public bool IsActive(LocationId id) => byId.TryGetValue(id, out var location) && location.IsActive;
}
