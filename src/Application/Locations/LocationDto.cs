using ClinicHip.Domain.Locations;

namespace ClinicHip.Application.Locations;

/// <summary>A location of the clinic.</summary>
/// <param name="Id">The location id.</param>
/// <param name="Name">e.g. City clinic.</param>
/// <param name="Address">Street address, lines separated by newlines.</param>
/// <param name="Phone">Phone in E.164, e.g. +61732001234.</param>
/// <param name="TimeZone">The IANA time zone of its wall clock (working hours are read in it).</param>
/// <param name="UsesClinicTimeZone">True when it keeps the clinic's time zone (the clinic setting) rather than one of its own.</param>
/// <param name="IsActive">Whether it takes bookings.</param>
/// <param name="Version">Send it back as If-Match when you change the location.</param>
public sealed record LocationDto(Guid Id, string Name, string Address, string? Phone, string TimeZone, bool UsesClinicTimeZone, bool IsActive, Guid Version)
{
    public static LocationDto From(Location location, string clinicTimeZone)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new(location.Id.Value, location.Name, location.Address, location.Phone, location.TimeZoneId ?? clinicTimeZone, location.TimeZoneId is null,
            location.IsActive, location.Version);
    }
}
