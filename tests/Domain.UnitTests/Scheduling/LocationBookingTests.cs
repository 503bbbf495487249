using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

/// <summary>Where an in-person appointment happens, and a clinician at one location at a time.</summary>
public class LocationBookingTests
{
    // Perth is two hours behind Brisbane all year (neither keeps daylight saving).
    private static readonly Location Perth = Location.Open("Perth", "2 James Street", null, "Australia/Perth");
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    private static BookingContext Context(LocationId? requested = null, params Location[] others) =>
        ByStaff() with { Locations = LocationsIn(null, others), RequestedLocationId = requested };

    [Fact]
    public void Book_InPersonWithoutALocation_HappensWhereTheClinicianWorks() =>
        Book().LocationId.ShouldBe(Main.Id);

    [Fact]
    public void Book_Telehealth_HasNoLocation() =>
        Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth).LocationId.ShouldBeNull();

    [Fact]
    public void Book_TelehealthNamingALocation_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Book(type: TelehealthReview(), mode: AppointmentMode.Telehealth, context: Context(Main.Id)))
            .Code.ShouldBe("appointment.location-for-telehealth");

    [Fact]
    public void Book_AtALocationTheClinicianIsNotAtThen_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Book(context: Context(Perth.Id, Perth))).Code.ShouldBe("appointment.clinician-elsewhere");

    [Fact]
    public void Book_TypeNotOfferedAtTheLocation_IsNotPossible()
    {
        var telehealthOrInPerson = AppointmentType.Create("Follow-up", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Either, true);

        Should.Throw<BusinessRuleViolationException>(() => Book(type: telehealthOrInPerson)).Code.ShouldBe("appointment.type-not-offered-at-location");
        Book(type: telehealthOrInPerson, mode: AppointmentMode.Telehealth).LocationId.ShouldBeNull();
    }

    [Fact]
    public void Book_AtADeactivatedLocation_IsNotPossible()
    {
        var closed = Location.Open("Closed", "3 Shut Street", null, null);
        var clinician = ClinicianAt([closed], At(closed, DayOfWeek.Monday, 8, 17));
        closed.Deactivate(futureBookings: 0, otherActiveLocations: 1);
        var type = AppointmentType.Create("Initial", TimeSpan.FromMinutes(45), TimeSpan.Zero, AllowedModes.InPerson, true);
        type.OfferInPersonAt([closed.Id]);

        Should.Throw<BusinessRuleViolationException>(() =>
            Appointment.Book(PatientId.New(), clinician, type, MondayNineLocal, AppointmentMode.InPerson, Context(null, closed))).Code.ShouldBe("appointment.location-closed");
    }

    [Fact]
    public void Book_AtALocationInAnotherZone_ReadsTheWorkingHoursOnItsClock()
    {
        var clinician = ClinicianAt([Perth], At(Perth, DayOfWeek.Monday, 9, 12));
        var type = AppointmentType.Create("Initial", TimeSpan.FromMinutes(45), TimeSpan.Zero, AllowedModes.InPerson, true);
        type.OfferInPersonAt([Perth.Id]);

        // 09:00 Brisbane is 07:00 in Perth, before work; 11:00 Brisbane is 09:00 in Perth.
        Should.Throw<BusinessRuleViolationException>(() =>
            Appointment.Book(PatientId.New(), clinician, type, MondayNineLocal, AppointmentMode.InPerson, Context(null, Perth))).Code.ShouldBe("appointment.outside-working-hours");
        Appointment.Book(PatientId.New(), clinician, type, MondayNineLocal.AddHours(2), AppointmentMode.InPerson, Context(null, Perth)).LocationId.ShouldBe(Perth.Id);
    }

    [Fact]
    public void SetWorkingHours_TwoLocationsAtTheSameWallClockTime_IsNotPossible()
    {
        var second = Location.Open("Second", "4 Other Street", null, null);

        Should.Throw<BusinessRuleViolationException>(() => ClinicianAt([second], At(Main, DayOfWeek.Monday, 8, 12), At(second, DayOfWeek.Monday, 11, 15)))
            .Code.ShouldBe("clinician.two-locations-at-once");
    }

    [Fact]
    public void SetWorkingHours_LocationsInTwoZones_OverlapAsInstantsNotAsWallClockTimes()
    {
        // Brisbane 13:00–17:00 and Perth 12:00–13:00 (14:00–15:00 in Brisbane) do not overlap on the wall clock, but do in time.
        Should.Throw<BusinessRuleViolationException>(() => ClinicianAt([Perth], At(Main, DayOfWeek.Monday, 13, 17), At(Perth, DayOfWeek.Monday, 12, 13)))
            .Code.ShouldBe("clinician.two-locations-at-once");

        // Brisbane 08:00–12:00 and Perth 10:00–11:00 (12:00–13:00 in Brisbane) meet without overlapping.
        ClinicianAt([Perth], At(Main, DayOfWeek.Monday, 8, 12), At(Perth, DayOfWeek.Monday, 10, 11)).WorkingHours.Count.ShouldBe(2);
    }

    [Fact]
    public void SetWorkingHours_TwoLocationsOnDifferentDays_IsPossible() =>
        ClinicianAt([Perth], At(Main, DayOfWeek.Monday, 8, 12), At(Perth, DayOfWeek.Tuesday, 8, 12)).WorkingHours.Count.ShouldBe(2);

    [Fact]
    public void SetWorkingHours_AtADeactivatedLocation_IsNotPossible()
    {
        var closed = Location.Open("Closed", "3 Shut Street", null, null);
        closed.Deactivate(futureBookings: 0, otherActiveLocations: 1);

        Should.Throw<BusinessRuleViolationException>(() => ClinicianAt([closed], At(closed, DayOfWeek.Monday, 8, 12))).Code.ShouldBe("clinician.location-closed");
    }

    [Fact]
    public void OfferInPersonAt_TelehealthOnlyType_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => TelehealthReview().OfferInPersonAt([Main.Id])).Code.ShouldBe("appointment-type.locations-for-telehealth");

    [Fact]
    public void FreeSlots_AtTwoLocations_NameTheLocationOfEachAndFilterByOne()
    {
        var clinician = ClinicianAt([Perth], At(Main, DayOfWeek.Monday, 9, 10), At(Perth, DayOfWeek.Monday, 9, 10));
        var followUp = AppointmentType.Create("Follow-up", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Either, true);
        followUp.OfferInPersonAt([Main.Id]);
        var locations = LocationsIn(null, Perth);

        var all = AvailabilityCalculator.FreeSlots(clinician, followUp, [], Settings(), locations, MondayNineLocal.AddHours(-1), MondayNineLocal.AddHours(6)).ToList();
        var atPerth = AvailabilityCalculator.FreeSlots(clinician, followUp, [], Settings(), locations, MondayNineLocal.AddHours(-1), MondayNineLocal.AddHours(6), Perth.Id);

        // Brisbane 09:00–10:00 in person; Perth 09:00–10:00 (11:00–12:00 in Brisbane), where the type is not offered, telehealth only.
        all.Where(s => s.LocationId == Main.Id).Select(s => s.StartUtc).ShouldBe([MondayNineLocal, MondayNineLocal.AddMinutes(15), MondayNineLocal.AddMinutes(30)]);
        all.Where(s => s.LocationId == null).Select(s => s.StartUtc).First().ShouldBe(MondayNineLocal.AddHours(2));
        atPerth.ShouldBeEmpty();
    }

    /// <summary>A clinician with these hours, checked against the main location and <paramref name="others"/>.</summary>
    private static Domain.Staff.Clinician ClinicianAt(Location[] others, params WorkingInterval[] hours)
    {
        var clinician = Clinician();
        clinician.SetWorkingHours(hours, LocationsIn(null, others), Today);
        return clinician;
    }
}
