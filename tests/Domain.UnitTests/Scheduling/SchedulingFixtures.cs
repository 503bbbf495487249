using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.UnitTests.Scheduling;

/// <summary>A Brisbane clinic (UTC+10, no daylight saving) with one physiotherapist working weekdays 08:00–17:00.</summary>
internal static class SchedulingFixtures
{
    // Monday 23 November 2026, 09:00 in Brisbane.
    public static readonly DateTime MondayNineLocal = new(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Now = MondayNineLocal.AddDays(-3);

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
                .Select(d => new WorkingInterval(d, new TimeOnly(8, 0), new TimeOnly(17, 0)))]);
        return clinician;
    }

    public static AppointmentType InitialAssessment() =>
        AppointmentType.Create("Initial hip assessment", TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(15), AllowedModes.InPerson, bookableOnline: true);

    public static AppointmentType TelehealthReview() =>
        AppointmentType.Create("Telehealth review", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Telehealth, bookableOnline: true);

    public static BookingContext ByPatient(IReadOnlyList<TimeOff>? timeOff = null, DateTime? now = null) =>
        new(Settings(), timeOff ?? [], now ?? Now, ByPatient: true);

    public static BookingContext ByStaff(DateTime? now = null) => new(Settings(), [], now ?? Now, ByPatient: false);

    public static Appointment Book(DateTime? start = null, AppointmentType? type = null, AppointmentMode mode = AppointmentMode.InPerson, BookingContext? context = null) =>
        Appointment.Book(PatientId.New(), Clinician(), type ?? InitialAssessment(), start ?? MondayNineLocal, mode, context ?? ByPatient());
}
