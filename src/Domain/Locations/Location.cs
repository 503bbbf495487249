using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations.Rules;
using ClinicHip.Domain.Scheduling.Rules;

namespace ClinicHip.Domain.Locations;

public readonly record struct LocationId(Guid Value)
{
    public static LocationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A place the clinic sees patients in person: its address, phone and wall clock. Working hours and in-person
/// appointments belong to a location; telehealth has none (docs/decisions/0024).
/// </summary>
public sealed class Location : AuditableEntity
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 20;

    /// <summary>The location every clinic starts with; data from before locations were kept belongs to it.</summary>
    public static readonly LocationId DefaultId = new(new Guid("0193b0a0-0000-7000-8000-00000000a001"));

    private Location()
    {
        Name = null!;
        Address = null!;
    }

    public LocationId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The street address as patients should read it, lines separated by newlines.</summary>
    public string Address { get; private set; }

    /// <summary>The location's phone number in E.164, e.g. +61732001234.</summary>
    public string? Phone { get; private set; }

    /// <summary>
    /// The IANA time zone of the location's wall clock; null when it keeps the clinic's time zone (the clinic setting),
    /// so a clinic in one zone changes one setting, not every location.
    /// </summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>Whether it takes bookings. A deactivated location keeps its history.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Changes each time the location is saved; its ETag.</summary>
    public Guid Version { get; private set; }

    public static Location Open(string name, string address, string? phone, string? timeZoneId)
    {
        var location = new Location { Id = LocationId.New(), IsActive = true };
        location.Change(name, address, phone, timeZoneId);
        return location;
    }

    public void Change(string name, string address, string? phone, string? timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(address);
        if (timeZoneId is not null)
        {
            CheckRule(new TimeZoneMustBeKnownRule(timeZoneId));
        }

        Name = name.Trim();
        Address = address.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone;
        TimeZoneId = timeZoneId;
        Version = Guid.NewGuid();
    }

    /// <summary>Stops taking bookings here. Refused while in-person appointments are still to come, or when no other location would be left.</summary>
    public void Deactivate(int futureBookings, int otherActiveLocations)
    {
        // Both refusals are about the clinic's current state, not the request, so they answer 409.
        foreach (var rule in new IBusinessRule[] { new LocationWithFutureBookingsStaysOpenRule(this, futureBookings), new ClinicKeepsAnActiveLocationRule(otherActiveLocations) })
        {
            if (rule.IsBroken())
            {
                throw new StateConflictException(rule.Code, rule.Message);
            }
        }

        if (IsActive)
        {
            IsActive = false;
            Version = Guid.NewGuid();
        }
    }

    /// <summary>The location's wall clock: its own zone, or the clinic's.</summary>
    public TimeZoneInfo TimeZone(TimeZoneInfo clinicZone) =>
        TimeZoneId is null ? clinicZone : TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
