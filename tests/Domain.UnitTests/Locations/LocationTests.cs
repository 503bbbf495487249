using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Locations.Rules;

namespace ClinicHip.Domain.UnitTests.Locations;

public class LocationTests
{
    private static Location City() => Location.Open("City", "1 Main Street", "+61730001234", null);

    [Fact]
    public void Open_WithoutTimeZone_KeepsTheClinicsClock()
    {
        var clinic = TimeZoneInfo.FindSystemTimeZoneById("Australia/Brisbane");

        City().TimeZone(clinic).ShouldBe(clinic);
        Location.Open("Perth", "2 James Street", null, "Australia/Perth").TimeZone(clinic).Id.ShouldBe("Australia/Perth");
    }

    [Fact]
    public void Open_UnknownTimeZone_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Location.Open("Mars", "Olympus Mons", null, "Mars/Olympus")).Code.ShouldBe("clinic.time-zone-unknown");

    [Fact]
    public void Deactivate_WithFutureBookings_IsAStateConflict()
    {
        var city = City();

        Should.Throw<StateConflictException>(() => city.Deactivate(futureBookings: 2, otherActiveLocations: 1)).Code.ShouldBe("location.has-future-bookings");
        city.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Deactivate_LastActiveLocation_IsAStateConflict() =>
        Should.Throw<StateConflictException>(() => City().Deactivate(futureBookings: 0, otherActiveLocations: 0)).Code.ShouldBe("location.last-active");

    [Fact]
    public void Deactivate_WithNothingToCome_StopsBookingsAndChangesTheVersion()
    {
        var city = City();
        var before = city.Version;

        city.Deactivate(futureBookings: 0, otherActiveLocations: 1);

        city.IsActive.ShouldBeFalse();
        city.Version.ShouldNotBe(before);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void LocationWithFutureBookingsStaysOpenRule_CountsBookings(int futureBookings, bool allowed) =>
        new LocationWithFutureBookingsStaysOpenRule(City(), futureBookings).IsBroken().ShouldBe(!allowed);

    [Fact]
    public void ClinicLocations_UnknownLocation_IsReadOnTheClinicsClockAndIsNotActive()
    {
        var clinic = TimeZoneInfo.FindSystemTimeZoneById("Australia/Brisbane");
        var locations = new ClinicLocations(clinic, [City()]);
        var unknown = LocationId.New();

        locations.ZoneOf(unknown).ShouldBe(clinic);
        locations.IsActive(unknown).ShouldBeFalse();
    }
}
