using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class FreeTimeTests
{
    private static readonly DateTime Day = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static TimeSpanUtc At(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(Day.AddHours(fromHour).AddMinutes(fromMinute), Day.AddHours(toHour).AddMinutes(toMinute));

    [Fact]
    public void Gaps_WithNothingBooked_AreTheWorkingIntervals() =>
        FreeTime.Gaps([At(8, 0, 12, 30), At(13, 30, 17, 0)], []).ShouldBe([At(8, 0, 12, 30), At(13, 30, 17, 0)]);

    [Fact]
    public void Gaps_AroundAppointmentsAndTimeOff_AreWhatIsLeft() =>
        FreeTime.Gaps([At(8, 0, 12, 0)], [At(9, 0, 10, 0), At(9, 30, 10, 15), At(11, 0, 13, 0)])
            .ShouldBe([At(8, 0, 9, 0), At(10, 15, 11, 0)]);

    [Fact]
    public void Gaps_WhenBusyAllDay_AreNone() => FreeTime.Gaps([At(8, 0, 12, 0)], [At(7, 0, 13, 0)]).ShouldBeEmpty();
}
