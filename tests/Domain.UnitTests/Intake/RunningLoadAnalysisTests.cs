using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Domain.UnitTests.Intake;

public class RunningLoadAnalysisTests
{
    private static readonly PatientId Patient = PatientId.New();
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static List<RunningLoadPoint> Analyse(params decimal[] weeklyKm) =>
        [.. RunningLoadAnalysis.Analyse(WeeklyLoad.Combine(weeklyKm.Select((km, i) => RunningLoadWeek.Record(Patient, Monday.AddDays(7 * i), km, 4, null, RunningLoadSource.Patient)), []))];

    [Fact]
    public void Analyse_RiseOfMoreThanTenPercent_IsFlagged_TenPercentExactlyIsNot()
    {
        var points = Analyse(40, 44, 50);

        points[1].WeekOnWeekChange.ShouldBe(0.10m);
        points[1].Flags.ShouldBeEmpty();
        points[2].WeekOnWeekChange.ShouldBe(0.136m);
        points[2].Flags.ShouldContain(RunningLoadAnalysis.TenPercentRule.Code);
    }

    [Fact]
    public void Analyse_SpikeAboveOnePointFiveTimesTheFourWeekMean_IsFlagged()
    {
        var points = Analyse(30, 30, 30, 30, 50);

        points[4].AcuteChronicRatio.ShouldBe(1.67m);
        points[4].Flags.ShouldContain(RunningLoadAnalysis.AcuteChronicRule.Code);
    }

    [Fact]
    public void Analyse_SteadyTraining_HasRatioOneAndNoFlags()
    {
        var points = Analyse(30, 30, 30, 30, 30);

        points[4].AcuteChronicRatio.ShouldBe(1m);
        points.ShouldAllBe(p => p.Flags.Count == 0);
    }

    [Fact]
    public void Analyse_WithoutFourPreviousWeeks_HasNoRatio_AndAGapHasNoWeekOnWeekChange()
    {
        var weeks = new[]
        {
            RunningLoadWeek.Record(Patient, Monday, 30, 4, null, RunningLoadSource.Intake),
            RunningLoadWeek.Record(Patient, Monday.AddDays(28), 60, 5, 20, RunningLoadSource.Intake),
        };

        var points = RunningLoadAnalysis.Analyse(WeeklyLoad.Combine(weeks, []));

        points[1].AcuteChronicRatio.ShouldBeNull();
        points[1].WeekOnWeekChange.ShouldBeNull();
    }

    [Fact]
    public void Record_AnyDay_FilesItUnderThatWeeksMonday() =>
        RunningLoadWeek.Record(Patient, new DateOnly(2026, 11, 22), 10, 2, 5, RunningLoadSource.Patient).WeekStart.ShouldBe(new DateOnly(2026, 11, 16));

    [Fact]
    public void Record_LongestRunLongerThanTheWeek_IsNotPossible() =>
        Should.Throw<ArgumentException>(() => RunningLoadWeek.Record(Patient, Monday, 10, 2, 12, RunningLoadSource.Patient));
}
