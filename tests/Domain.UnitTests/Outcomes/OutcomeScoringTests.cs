using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.UnitTests.Outcomes;

public class OutcomeScoringTests
{
    private static int?[] Repeat(int? value, int count) => [.. Enumerable.Repeat(value, count)];

    [Fact]
    public void IHot12_IsTheMeanOfTheItems() =>
        OutcomeScoring.IHot12([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 0, 50]).ShouldBe(50m);

    [Fact]
    public void IHot12_WithMissingItems_AveragesTheAnswered_AndNeedsHalf()
    {
        OutcomeScoring.IHot12([.. Repeat(80, 6), .. Repeat(null, 6)]).ShouldBe(80m);
        OutcomeScoring.IHot12([.. Repeat(80, 5), .. Repeat(null, 7)]).ShouldBeNull();
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void IHot12_WithItemOutOfRange_IsRefused(int item) =>
        Should.Throw<ArgumentException>(() => OutcomeScoring.IHot12([item, .. Repeat(50, 11)]));

    [Fact]
    public void Hoos_NoProblemsAnywhere_Scores100InEverySubscale() =>
        OutcomeScoring.Hoos(Repeat(0, 40)).Values.ShouldAllBe(v => v == 100m);

    [Fact]
    public void Hoos_ExtremeProblems_Scores0()
        => OutcomeScoring.Hoos(Repeat(4, 40)).Values.ShouldAllBe(v => v == 0m);

    [Fact]
    public void Hoos_SubscaleArithmetic_Is100MinusSumTimes100Over4TimesAnswered()
    {
        // Symptoms (items 1–5) sum 10 → 100 − 10×100/20 = 50; pain (6–15) sum 5 → 100 − 500/40 = 87.5.
        int?[] items = [2, 2, 2, 2, 2, .. Repeat(0, 5), .. Repeat(1, 5), .. Repeat(0, 25)];

        var scores = OutcomeScoring.Hoos(items);

        scores[HoosSubscale.Symptoms].ShouldBe(50m);
        scores[HoosSubscale.Pain].ShouldBe(87.5m);
        scores[HoosSubscale.DailyLiving].ShouldBe(100m);
    }

    [Fact]
    public void Hoos_SubscaleWithFewerThanHalfAnswered_HasNoScore_OthersStillDo()
    {
        // Sport and recreation (items 33–36): only one answered.
        int?[] items = [.. Repeat(1, 32), 2, null, null, null, .. Repeat(1, 4)];

        var scores = OutcomeScoring.Hoos(items);

        scores[HoosSubscale.SportAndRecreation].ShouldBeNull();
        scores[HoosSubscale.QualityOfLife].ShouldBe(75m);
    }

    [Fact]
    public void Hoos_WithWrongItemCount_IsRefused() => Should.Throw<ArgumentException>(() => OutcomeScoring.Hoos(Repeat(1, 39)));

    [Fact]
    public void Catalogue_HasEveryConditionOnce_WithIcd10OnlyWhereGiven()
    {
        ConditionCatalogue.All.Select(c => c.Code).ShouldBe(Enum.GetValues<HipCondition>(), ignoreOrder: true);
        ConditionCatalogue.Get(HipCondition.TrochantericBursitis).Icd10.ShouldBe("M70.6");
        ConditionCatalogue.Get(HipCondition.LabralTear).Icd10.ShouldBeNull();
    }
}

public class OutcomeProgressTests
{
    private static readonly PatientId Patient = PatientId.New();
    private static readonly DateTime Day0 = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly MeaningfulChangeThresholds Defaults = new();

    private static OutcomeRecord Nprs(int score, int day) => OutcomeRecord.Record(Patient, OutcomeInstrument.Nprs, [score], OutcomeRecorder.Patient, Day0.AddDays(day));

    private static OutcomeRecord IHot(int every, int day) =>
        OutcomeRecord.Record(Patient, OutcomeInstrument.IHot12, [.. Enumerable.Repeat<int?>(every, 12)], OutcomeRecorder.Patient, Day0.AddDays(day));

    [Theory]
    [InlineData(6, 5, false)] // 1 point, 17 %
    [InlineData(6, 4, true)]  // 2 points
    [InlineData(3, 2, true)]  // 1 point but 33 %
    [InlineData(10, 9, false)] // 1 point, 10 %
    public void Nprs_ImprovesMeaningfully_OnTwoPointsOrThirtyPercent(int baseline, int now, bool meaningful)
    {
        var series = OutcomeProgress.Analyse([Nprs(baseline, 0), Nprs(now, 28)], Defaults).Single();

        series.Points[1].ChangeFromBaseline[OutcomeRecord.TotalKey].ShouldBe(now - baseline);
        series.Points[1].MeaningfulImprovement[OutcomeRecord.TotalKey].ShouldBe(meaningful);
    }

    [Fact]
    public void IHot12_RiseOfTheThreshold_IsMeaningful_AndThresholdsAreConfigurable()
    {
        var records = new[] { IHot(40, 0), IHot(50, 42) };

        OutcomeProgress.Analyse(records, Defaults).Single().Points[1].MeaningfulImprovement[OutcomeRecord.TotalKey].ShouldBeTrue();
        OutcomeProgress.Analyse(records, Defaults with { IHot12Points = 15 }).Single().Points[1].MeaningfulImprovement[OutcomeRecord.TotalKey].ShouldBeFalse();
    }

    [Fact]
    public void Analyse_GroupsByInstrument_BaselineIsTheFirstInTime()
    {
        var series = OutcomeProgress.Analyse([IHot(60, 30), Nprs(5, 0), IHot(40, 0)], Defaults);

        series.Select(s => s.Instrument).ShouldBe([OutcomeInstrument.Nprs, OutcomeInstrument.IHot12]);
        series[1].Points[0].Scores[OutcomeRecord.TotalKey].ShouldBe(40m);
        series[1].Points[1].ChangeFromBaseline[OutcomeRecord.TotalKey].ShouldBe(20m);
    }
}
