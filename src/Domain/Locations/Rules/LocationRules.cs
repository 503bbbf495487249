using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Locations.Rules;

/// <summary>Patients booked in person at a location must not find it closed: deactivate it once they have been moved or cancelled.</summary>
public sealed class LocationWithFutureBookingsStaysOpenRule(Location location, int futureBookings) : IBusinessRule
{
    public string Code => "location.has-future-bookings";

    public string Message => $"{location.Name} has {futureBookings} in-person appointment(s) still to come; reschedule or cancel them first.";

    public bool IsBroken() => futureBookings > 0;
}

/// <summary>In-person appointments need somewhere to happen: the last active location stays open.</summary>
public sealed class ClinicKeepsAnActiveLocationRule(int otherActiveLocations) : IBusinessRule
{
    public string Code => "location.last-active";

    public string Message => "This is the clinic's only active location; open another before closing it.";

    public bool IsBroken() => otherActiveLocations == 0;
}
