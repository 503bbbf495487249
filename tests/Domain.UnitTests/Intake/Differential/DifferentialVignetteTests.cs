using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake.Differential;

/// <summary>
/// The third vignette set, written from the references on the whole differential by age and on pain referred to the hip
/// (docs/clinical-basis.md#differential): each case's triage, and the figures docs/clinical-basis.md#measured reports.
/// </summary>
public class DifferentialVignetteTests(ITestOutputHelper output)
{
    public static TheoryData<DifferentialVignette> Vignettes() => new(DifferentialVignettes.All);

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Assess_DifferentialVignette_GivesTheExpectedLevelPlaceAndSuggestion(DifferentialVignette vignette)
    {
        IntakeQuestions.NotApplicable(vignette.Answers, vignette.Age).ShouldBeEmpty(vignette.Story);

        var triage = HipTriage.Assess(vignette.Answers, new TriageContext(vignette.Age, Today));

        triage.Level.ShouldBe(vignette.Level, Explain(vignette, triage));
        triage.RequiresInPersonAssessment.ShouldBe(vignette.InPerson, Explain(vignette, triage));
        triage.SuggestedConditions.Select(s => s.Condition).ShouldContain(vignette.Expected, Explain(vignette, triage));
        if (vignette.ExpectedFirst)
        {
            triage.SuggestedConditions[0].Condition.ShouldBe(vignette.Expected, Explain(vignette, triage));
        }
    }

    [Fact]
    public void Vignettes_AtLeastSixtyAcrossAgeBands_AThirdLookAlikes()
    {
        var all = DifferentialVignettes.All;

        all.Count.ShouldBeGreaterThanOrEqualTo(60);
        (3 * all.Count(v => v.Kind == Kind.LookAlike)).ShouldBeGreaterThanOrEqualTo(all.Count);
        all.Select(v => v.Age switch { < 5 => "under 5", < 10 => "5-9", < 17 => "10-16", < 50 => "adult", _ => "50+" }).Distinct().Count().ShouldBe(5);
        all.Select(v => v.Story).ShouldBeUnique();
    }

    /// <summary>The figures: Emergency and Urgent-or-above sensitivity (both must be complete), expected conditions suggested, over-triage.</summary>
    [Fact]
    public void Assess_AllThreeSets_SensitivityCompleteSuggestionsAtLeastNinetyPercentNoOverTriage()
    {
        var cases = DifferentialVignettes.All.Select(v => (v.Kind, v.Level, v.InPerson, Expected: (Domain.Conditions.HipCondition?)v.Expected,
                Triage: HipTriage.Assess(v.Answers, new TriageContext(v.Age, Today))))
            .Concat(ScreeningVignetteTests.All.Select(v => (Kind: KindOf(v.Group), v.Level, v.InPerson, Expected: v.MustSuggest,
                Triage: HipTriage.Assess(v.Answers, new TriageContext(v.Age, Today)))))
            .ToList();

        var emergencies = cases.Where(c => c.Level == TriageLevel.Emergency).ToList();
        var urgentOrAbove = cases.Where(c => c.Level >= TriageLevel.Urgent).ToList();
        var withExpected = cases.Where(c => c.Expected is not null).ToList();
        var lookAlikes = cases.Where(c => c.Kind == Differential.Kind.LookAlike).ToList();
        var emergencyCaught = emergencies.Count(c => c.Triage.Level == TriageLevel.Emergency);
        var urgentCaught = urgentOrAbove.Count(c => c.Triage.Level >= TriageLevel.Urgent);
        var suggested = withExpected.Count(c => c.Triage.SuggestedConditions.Any(s => s.Condition == c.Expected));
        var overTriaged = lookAlikes.Count(c => c.Triage.Level > c.Level || (c.Triage.RequiresInPersonAssessment && !c.InPerson));

        output.WriteLine($"Vignettes: {DifferentialVignettes.All.Count} new ({string.Join(", ", DifferentialVignettes.All.GroupBy(v => v.Kind).Select(g => $"{g.Key} {g.Count()}"))}), "
            + $"{ScreeningVignetteTests.All.Length} screening");
        output.WriteLine($"Emergency sensitivity: {emergencyCaught}/{emergencies.Count} = {Percent(emergencyCaught, emergencies.Count)}");
        output.WriteLine($"Urgent-or-above sensitivity: {urgentCaught}/{urgentOrAbove.Count} = {Percent(urgentCaught, urgentOrAbove.Count)}");
        output.WriteLine($"Expected condition suggested: {suggested}/{withExpected.Count} = {Percent(suggested, withExpected.Count)}");
        output.WriteLine($"Over-triage on look-alikes: {overTriaged}/{lookAlikes.Count} = {Percent(overTriaged, lookAlikes.Count)}");

        emergencyCaught.ShouldBe(emergencies.Count);
        urgentCaught.ShouldBe(urgentOrAbove.Count);
        (10 * suggested).ShouldBeGreaterThanOrEqualTo(9 * withExpected.Count);
        overTriaged.ShouldBe(0);
    }

    [Fact]
    public void Assess_EveryEmergency_NamesTheServiceAndNeverOffersABooking()
    {
        foreach (var vignette in DifferentialVignettes.All.Where(v => v.Level == TriageLevel.Emergency))
        {
            var triage = HipTriage.Assess(vignette.Answers, new TriageContext(vignette.Age, Today));

            triage.RedFlags.Where(f => f.Level == TriageLevel.Emergency).ShouldAllBe(f => f.Service != null, vignette.Story);
            triage.Advice.ShouldNotBeNull().WhatToDo.ShouldContain("emergency department", Case.Sensitive, vignette.Story);
            triage.Advice.WhatToDo.ShouldContain("cannot wait for an appointment with us", Case.Sensitive, vignette.Story);
            triage.Advice.WhatToDo.ShouldNotContain("Book", Case.Sensitive, vignette.Story);
        }
    }

    private static Kind KindOf(ScreeningVignetteTests.Group group) => group switch
    {
        ScreeningVignetteTests.Group.Emergency => Differential.Kind.Emergency,
        ScreeningVignetteTests.Group.Urgent => Differential.Kind.Urgent,
        ScreeningVignetteTests.Group.Soon => Differential.Kind.Soon,
        _ => Differential.Kind.LookAlike,
    };

    private static string Explain(DifferentialVignette vignette, TriageResult triage) =>
        $"{vignette.Story}: {triage.Level}, in person {triage.RequiresInPersonAssessment}, flags [{string.Join(", ", triage.RedFlags.Select(f => f.Code))}], "
        + $"suggested [{string.Join(", ", triage.SuggestedConditions.Select(s => s.Condition))}]";

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0} %";
}
