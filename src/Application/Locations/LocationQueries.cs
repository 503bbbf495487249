using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Locations;

/// <summary>Reads of the clinic's locations the use cases share (booking, availability, the day sheet, the calendar feed).</summary>
internal static class LocationQueries
{
    /// <summary>Every location with the clinic's time zone: a clinic has a handful, so one small query serves any number of checks.</summary>
    public static async Task<ClinicLocations> ClinicLocationsAsync(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        await db.ClinicLocationsAsync(await db.ClinicSettingsAsync(cancellationToken), cancellationToken);

    /// <summary>Every location, with the settings the caller has already read.</summary>
    public static async Task<ClinicLocations> ClinicLocationsAsync(this IApplicationDbContext db, ClinicSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        return new ClinicLocations(settings.TimeZone, await db.Locations.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>
    /// The clock and name a message to the patient speaks of: an in-person appointment's location (its time zone and
    /// name), or the clinic's zone and no place for telehealth.
    /// </summary>
    public static (TimeZoneInfo Zone, string? Name) PatientClockOf(this ClinicLocations locations, LocationId? at)
    {
        ArgumentNullException.ThrowIfNull(locations);
        return at is { } id ? (locations.ZoneOf(id), locations.Find(id)?.Name) : (locations.ClinicZone, null);
    }

    /// <summary>The location a request names, checked to exist (404 otherwise).</summary>
    public static LocationId? Named(this ClinicLocations locations, Guid? named)
    {
        ArgumentNullException.ThrowIfNull(locations);
        return named is { } id ? locations.Find(new LocationId(id))?.Id ?? throw new NotFoundException("Location", id) : null;
    }

    /// <summary>The location, or 404.</summary>
    public static async Task<Location> LocationAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var locationId = new LocationId(id);
        return await db.Locations.SingleOrDefaultAsync(l => l.Id == locationId, cancellationToken) ?? throw new NotFoundException("Location", id);
    }

    /// <summary>
    /// The location a request names, or the clinic's only active location when it names none: clients written before the
    /// clinic had locations keep working while it has one (docs/decisions/0024).
    /// </summary>
    public static LocationId NamedOrOnly(this ClinicLocations locations, Guid? named, string field)
    {
        ArgumentNullException.ThrowIfNull(locations);
        if (locations.Named(named) is { } id)
        {
            return id;
        }

        var active = locations.All.Where(l => l.IsActive).Take(2).ToList();
        return active.Count == 1
            ? active[0].Id
            : throw ValidationException.For(field, "The clinic has several locations: name one (locationId).");
    }
}
