using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class ClinicSetupTests
{
    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("AEST")]
    [InlineData("")]
    public void ChangeSettings_ToUnknownTimeZone_IsNotPossible(string zone) =>
        Should.Throw<BusinessRuleViolationException>(() => Settings(zone)).Code.ShouldBe("clinic.time-zone-unknown");

    [Fact]
    public void ChangeSettings_WithSlotIntervalOffTheGrid_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => ClinicSettings.Default().Change("Australia/Brisbane", TimeSpan.Zero, TimeSpan.FromDays(30), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(7)));

    [Fact]
    public void ChangeSettings_GivesANewVersion()
    {
        var settings = ClinicSettings.Default();
        var before = settings.Version;

        settings.Change("Europe/London", TimeSpan.FromHours(1), TimeSpan.FromDays(30), TimeSpan.FromHours(12), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));

        settings.Version.ShouldNotBe(before);
        settings.TimeZone.Id.ShouldBe("Europe/London");
    }

    [Fact]
    public void SetWorkingHours_OverlappingOnOneDay_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Clinician(
            new WorkingInterval(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0), Main.Id),
            new WorkingInterval(DayOfWeek.Monday, new TimeOnly(11, 30), new TimeOnly(15, 0), Main.Id))).Code.ShouldBe("clinician.working-hours-invalid");

    [Fact]
    public void SetWorkingHours_SplitShiftWithLunchBreak_IsPossible() =>
        Clinician(
            new WorkingInterval(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 0), Main.Id),
            new WorkingInterval(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0), Main.Id)).WorkingHours[0].Start.ShouldBe(new TimeOnly(8, 0));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(47, 0)]
    [InlineData(45, 7)]
    public void CreateAppointmentType_WithLengthOffTheGrid_IsNotPossible(int duration, int buffer) =>
        Should.Throw<BusinessRuleViolationException>(() => AppointmentType.Create("X", TimeSpan.FromMinutes(duration), TimeSpan.FromMinutes(buffer), AllowedModes.Either, true));

    [Theory]
    [InlineData(AllowedModes.Either, AppointmentMode.Telehealth, true)]
    [InlineData(AllowedModes.InPerson, AppointmentMode.Telehealth, false)]
    [InlineData(AllowedModes.Telehealth, AppointmentMode.Telehealth, true)]
    [InlineData(AllowedModes.Telehealth, AppointmentMode.InPerson, false)]
    public void AppointmentType_Allows_MatchesItsModes(AllowedModes modes, AppointmentMode mode, bool allowed) =>
        AppointmentType.Create("X", TimeSpan.FromMinutes(30), TimeSpan.Zero, modes, true).Allows(mode).ShouldBe(allowed);
}
