using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Reminders;

namespace ClinicHip.Application.UnitTests.Outbox;

public class ScheduleTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DueTimes_BookedTwoDaysAhead_AreTwentyFourAndTwoHoursBefore()
    {
        var due = ReminderSchedule.DueTimes(Start, Start.AddDays(-2), ReminderSchedule.DefaultLeadTimes).ToList();

        due.Select(d => d.DueAtUtc).ShouldBe([Start.AddHours(-24), Start.AddHours(-2)]);
    }

    [Fact]
    public void DueTimes_BookedTenHoursAhead_SkipsTheReminderAlreadyPastDue()
    {
        var due = ReminderSchedule.DueTimes(Start, Start.AddHours(-10), ReminderSchedule.DefaultLeadTimes).ToList();

        due.ShouldHaveSingleItem().LeadTime.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void DueTimes_BookedAnHourAhead_HasNone() =>
        ReminderSchedule.DueTimes(Start, Start.AddHours(-1), ReminderSchedule.DefaultLeadTimes).ShouldBeEmpty();

    [Fact]
    public void RetrySchedule_AfterEachFailure_WaitsTheConfiguredDelay_ThenGivesUp()
    {
        var schedule = new RetrySchedule([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)], Jitter: 0);

        schedule.After(1).ShouldBe(TimeSpan.FromSeconds(5));
        schedule.After(2).ShouldBe(TimeSpan.FromSeconds(30));
        schedule.After(3).ShouldBeNull();
    }

    [Fact]
    public void RetrySchedule_WithJitter_StaysWithinTheSpread_AndVaries()
    {
        var schedule = new RetrySchedule([TimeSpan.FromMinutes(2)], Jitter: 0.2);

        var delays = Enumerable.Range(0, 200).Select(_ => schedule.After(1)!.Value).ToList();

        delays.ShouldAllBe(d => d >= TimeSpan.FromSeconds(96) && d <= TimeSpan.FromSeconds(144));
        delays.Distinct().Count().ShouldBeGreaterThan(1);
    }
}
