using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.UnitTests.Scheduling;

/// <summary>A Brisbane clinic (UTC+10, no daylight saving) at one location, with one physiotherapist working there weekdays 08:00–17:00.</summary>
internal static class SchedulingFixtures
{
    // Monday 23 November 2026, 09:00 in Brisbane.
    public static readonly DateTime MondayNineLocal = new(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Now = MondayNineLocal.AddDays(-3);

    /// <summary>The clinic's one location, on the clinic's clock.</summary>
    public static readonly Location Main = Location.Open("Main clinic", "1 Main Street", null, null);

    public static ClinicLocations LocationsIn(ClinicSettings? settings = null, params Location[] others) =>
        new((settings ?? Settings()).TimeZone, [Main, .. others]);

    public static WorkingInterval At(Location location, DayOfWeek day, int fromHour, int toHour) =>
        new(day, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0), location.Id);

    public static ClinicSettings Settings(string zone = "Australia/Brisbane")
    {
        var settings = ClinicSettings.Default();
        settings.Change(zone, TimeSpan.FromHours(2), TimeSpan.FromDays(90), TimeSpan.FromHours(24), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15));
        return settings;
    }

    public static Clinician Clinician(params WorkingInterval[] hours)
    {
        var clinician = StaffMember.Hire(Guid.NewGuid(), new PersonName("Maya", "Chen"), "maya@example.com", StaffRole.Clinician, Profession.Physiotherapist).Clinician!;
        clinician.SetWorkingHours(hours.Length > 0 ? hours :
            [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(d => At(Main, d, 8, 17))], LocationsIn(), DateOnly.FromDateTime(Now));
        return clinician;
    }

    public static AppointmentType InitialAssessment() =>
        OfferedAtMain(AppointmentType.Create("Initial hip assessment", TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(15), AllowedModes.InPerson, bookableOnline: true));

    /// <summary>The type, offered in person at the main location.</summary>
    public static AppointmentType OfferedAtMain(AppointmentType type)
    {
        type.OfferInPersonAt([Main.Id]);
        return type;
    }

    public static AppointmentType TelehealthReview() =>
        AppointmentType.Create("Telehealth review", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Telehealth, bookableOnline: true);

    public static BookingContext ByPatient(IReadOnlyList<TimeOff>? timeOff = null, DateTime? now = null) =>
        new(Settings(), timeOff ?? [], now ?? Now, ByPatient: true) { Locations = LocationsIn() };

    public static BookingContext ByStaff(DateTime? now = null) => new(Settings(), [], now ?? Now, ByPatient: false) { Locations = LocationsIn() };

    public static Appointment Book(DateTime? start = null, AppointmentType? type = null, AppointmentMode mode = AppointmentMode.InPerson, BookingContext? context = null) =>
        Appointment.Book(PatientId.New(), Clinician(), type ?? InitialAssessment(), start ?? MondayNineLocal, mode, context ?? ByPatient());
}
