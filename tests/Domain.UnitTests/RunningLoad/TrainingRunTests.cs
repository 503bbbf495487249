using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.RunningLoad.Rules;

namespace ClinicHip.Domain.UnitTests.RunningLoad;

public class TrainingRunTests
{
    private static readonly PatientId Patient = new(Guid.NewGuid());
    private static readonly TimeZoneInfo Brisbane = TimeZoneInfo.FindSystemTimeZoneById("Australia/Brisbane");
    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    private static RecordedActivity Run(DateTime startUtc, double km, double minutes, string sport = "running") =>
        new(sport, startUtc, km * 1000, minutes * 60, null, TrainingFileFormat.Gpx);

    private static TrainingRun Recorded(DateTime startUtc, double km, string sport = "running") =>
        TrainingRun.Record(Patient, Run(startUtc, km, km * 6, sport), Brisbane, Now);

    [Fact]
    public void Record_SundayEveningInBrisbane_CountsTowardsTheWeekThatEnds()
    {
        // Sunday 29 November 2026, 21:30 in Brisbane is 11:30 UTC the same day.
        var run = Recorded(new DateTime(2026, 11, 29, 11, 30, 0, DateTimeKind.Utc), 10);

        run.LocalDate.ShouldBe(new DateOnly(2026, 11, 29));
        run.WeekStart.ShouldBe(new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void Record_MondayDawnInBrisbane_WhileStillSundayInUtc_CountsTowardsTheNewWeek()
    {
        // Monday 30 November 2026, 05:30 in Brisbane is Sunday 19:30 UTC.
        var run = Recorded(new DateTime(2026, 11, 29, 19, 30, 0, DateTimeKind.Utc), 10);

        run.WeekStart.ShouldBe(new DateOnly(2026, 11, 30));
    }

    [Fact]
    public void Record_InTheFuture_IsNotPossible()
    {
        var refused = Should.Throw<BusinessRuleViolationException>(() => Recorded(Now.AddHours(1), 5));

        refused.Code.ShouldBe("training-file.activity-in-future");
    }

    [Fact]
    public void Record_AFewMinutesAheadOfTheServerClock_IsAllowed() =>
        Recorded(Now.AddMinutes(5), 5).StartUtc.ShouldBe(Now.AddMinutes(5));

    [Theory]
    [InlineData("running", 26, 60, true)]
    [InlineData("running", 21, 60, false)]
    [InlineData("cycling", 60, 60, false)]
    [InlineData("cycling", 120, 60, true)]
    public void ActivitySpeedMustBePlausible_ByTheSport(string sport, double km, double minutes, bool broken) =>
        new ActivitySpeedMustBePlausibleRule(Run(Now.AddDays(-1), km, minutes, sport)).IsBroken().ShouldBe(broken);

    [Theory]
    [InlineData(90, 10.3, true)]
    [InlineData(150, 10.0, false)]
    [InlineData(0, 11.0, false)]
    [InlineData(0, 10.15, true)]
    public void SameActivity_WithinTwoMinutesAndFivePercent(int secondsApart, double otherKm, bool same)
    {
        var start = Now.AddDays(-1);

        SameActivityRule.AreSame(start, 10_000, start.AddSeconds(secondsApart), otherKm * 1000).ShouldBe(same);
    }

    [Fact]
    public void Combine_AWeekWithRecordedRuns_TakesTheRunsOverTheTypedFigures()
    {
        var monday = new DateOnly(2026, 11, 23);
        var typed = new[]
        {
            RunningLoadWeek.Record(Patient, monday.AddDays(-7), 20, 2, null, RunningLoadSource.Patient),
            RunningLoadWeek.Record(Patient, monday, 40, 4, null, RunningLoadSource.Patient),
        };
        var runs = new[]
        {
            Recorded(new DateTime(2026, 11, 23, 20, 0, 0, DateTimeKind.Utc), 8),
            Recorded(new DateTime(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc), 12),
            Recorded(new DateTime(2026, 11, 26, 20, 0, 0, DateTimeKind.Utc), 30, "cycling"),
        };

        var weeks = WeeklyLoad.Combine(typed, runs);

        weeks.ShouldBe(
        [
            new WeeklyLoad(monday.AddDays(-7), 20, 2, null, RunningLoadSource.Patient),
            new WeeklyLoad(monday, 20, 2, 12, RunningLoadSource.TrainingFiles),
        ]);
    }

    [Fact]
    public void Analyse_WeeksFromRecordedRuns_FlagTheSpikeAsTypedWeeksDo()
    {
        var monday = new DateOnly(2026, 10, 26);
        var runs = Enumerable.Range(0, 5).Select(week =>
            Recorded(monday.AddDays(7 * week + 1).ToDateTime(new TimeOnly(20, 0), DateTimeKind.Utc), week == 4 ? 16 : 10)).ToList();

        var latest = RunningLoadAnalysis.Analyse(WeeklyLoad.Combine([], runs))[^1];

        latest.Source.ShouldBe(RunningLoadSource.TrainingFiles);
        latest.Flags.ShouldBe([RunningLoadAnalysis.TenPercentRule.Code, RunningLoadAnalysis.AcuteChronicRule.Code], ignoreOrder: true);
    }
}
