using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Intake.Suggestions;

namespace ClinicHip.Domain.Intake;

/// <summary>Which rule raised the level, and the answers that fired it: for the clinician.</summary>
/// <param name="Rule">The red flag's code, or <see cref="StressFractureEscalationRule.Code"/>.</param>
/// <param name="Level">The level the rule asks for.</param>
/// <param name="FiredBy">The answers that fired it.</param>
public sealed record TriageReason(string Rule, TriageLevel Level, IReadOnlyList<string> FiredBy);

/// <summary>How the triage reached its answer, for the clinician only: the patient's advice stays in plain words.</summary>
/// <param name="Level">Why the level is what it is, and why in person or not.</param>
/// <param name="NotCounted">Answers that could have raised the level and why they did not.</param>
/// <param name="Suggestions">Every suggestion's rank, and why it ranks below the one above it.</param>
public sealed record TriageExplanation(IReadOnlyList<string> Level, IReadOnlyList<string> NotCounted, IReadOnlyList<SuggestionRank> Suggestions);

/// <summary>What the answers mean for staff and the patient: how soon, why, and what to consider. Decision support, never a diagnosis.</summary>
/// <param name="Level">Routine, Soon, Urgent or Emergency.</param>
/// <param name="RedFlags">Every red flag found.</param>
/// <param name="SuggestedConditions">Conditions to consider, most relevant first.</param>
/// <param name="RequiresInPersonAssessment">Telehealth alone is not enough.</param>
public sealed record TriageResult(TriageLevel Level, IReadOnlyList<RedFlag> RedFlags, IReadOnlyList<ConditionSuggestion> SuggestedConditions, bool RequiresInPersonAssessment)
{
    public const string Disclaimer = "Conditions to consider at assessment, from the patient's answers: decision support for the clinician, not a diagnosis.";

    /// <summary>What the patient was told; null on forms triaged before advice was given.</summary>
    public TriageAdvice? Advice { get; init; }

    /// <summary>Which answers raised the level; null on forms triaged before reasons were kept.</summary>
    public IReadOnlyList<TriageReason>? Reasons { get; init; }

    /// <summary>How the level and the ranking were reached; null on forms triaged before version 3.</summary>
    public TriageExplanation? Explanation { get; init; }
}

/// <summary>Triage of a hip intake form by the named rules of <see cref="RedFlags"/> and <see cref="Suggestions"/>.</summary>
public static class HipTriage
{
    public static IReadOnlyList<IRedFlagRule> RedFlagRules { get; } =
    [
        new CaudaEquinaRule(), new SepticArthritisRule(), new HipFractureAfterFallRule(), new LeakingAorticAneurysmRule(), new PostProcedureJointInfectionRule(),
        new EctopicPregnancyRule(), new TesticularTorsionRule(), new IncarceratedHerniaRule(), new SuddenSevereAbdominalPainRule(), new CollapseWithSuddenPainRule(),
        new CannotBearWeightRule(), new PainOnEveryWeightBearingStepRule(), new SevereRestOrNightPainRule(), new SystemicSymptomsRule(),
        new FallWithSwellingRule(), new BoneStressRiskRule(), new SlippedEpiphysisRule(), new CancerHistoryRule(), new ProgressiveWeaknessRule(),
        new OccultHipFractureRule(), new FeverWhenInfectionProneRule(), new InfantLimpRule(), new YoungNightBonePainRule(),
        new PainNotEasingOrSpreadingRule(), new OsteonecrosisRiskRule(), new NightSweatsRule(), new NoImprovementAfterSixWeeksRule(),
        new InflammatoryStiffnessRule(), new ChildLimpRule(), new PopAtInjuryRule(), new PolymyalgiaRule(), new TesticularPainRule(), new GroinLumpInWomanRule(),
    ];

    public static IReadOnlyList<IConditionSuggestionRule> SuggestionRules { get; } =
    [
        new FemoralNeckStressFractureRule(), new TrochantericBursitisRule(), new GlutealTendinopathyRule(), new ItBandSyndromeRule(), new HipPointerRule(),
        new LabralTearRule(), new FemoroacetabularImpingementRule(), new IliopsoasBursitisRule(), new HipFlexorStrainRule(), new AdductorStrainRule(),
        new PiriformisSyndromeRule(), new HamstringTendinopathyRule(), new HipOsteoarthritisRule(),
        new SlippedCapitalFemoralEpiphysisRule(), new OsteonecrosisRule(), new LumbarRadiculopathyRule(), new FragilityHipFractureRule(),
        new SepticArthritisSuggestionRule(), new MalignancyRule(), new PubicBoneStressRule(), new AthleticPubalgiaRule(), new ExternalSnappingHipRule(),
        new PerthesDiseaseRule(), new TransientSynovitisRule(), new ApophysealInjuryRule(), new BoneTumourRule(), new AxialSpondyloarthritisRule(),
        new PolymyalgiaRheumaticaRule(), new MeralgiaParaestheticaRule(), new GroinNerveEntrapmentRule(), new LumbarOrSacroiliacReferredPainRule(),
        new HerniaRule(), new ArterialClaudicationRule(), new AorticAneurysmRule(), new EctopicPregnancySuggestionRule(), new TesticularTorsionSuggestionRule(),
        new KidneyStoneRule(), new GynaecologicalCauseRule(),
    ];

    /// <summary>The code of the step that sends a lasting, unimproved problem in person when telehealth cannot manage what it may be.</summary>
    public const string NoImprovementInPersonCode = "triage.no-improvement-in-person";

    public static TriageResult Assess(HipIntakeAnswers answers, TriageContext context)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var flags = RedFlagRules.Select(rule => rule.Check(answers, context)).OfType<RedFlag>().ToList();
        var (suggestions, ranks) = SuggestionRanking.Rank(SuggestionRules.Select(rule => rule.Suggest(answers, context.AgeYears)).OfType<ConditionSuggestion>(), answers);
        var reasons = flags.ConvertAll(f => new TriageReason(f.Code, f.Level, f.FiredBy ?? []));
        var notCounted = new List<string>();

        var level = flags.Count == 0 ? TriageLevel.Routine : flags.Max(f => f.Level);
        var inPerson = flags.Any(f => f.RequiresInPersonAssessment);
        if (suggestions.Any(s => s.Condition == HipCondition.FemoralNeckStressFracture))
        {
            if (StressFractureEscalationRule.Escalates(answers, context) is { } escalation)
            {
                inPerson = true;
                level = level < TriageLevel.Soon ? TriageLevel.Soon : level;
                reasons.Add(new TriageReason(StressFractureEscalationRule.Code, TriageLevel.Soon, escalation));
            }
            else
            {
                notCounted.Add("A femoral neck stress fracture is suggested on a self-reported rise in running alone: no weight-bearing or impact pain, "
                    + "measured load spike or bone-stress risk factor, so it does not raise the level.");
            }
        }

        if (flags.Any(f => f.Code == NoImprovementAfterSixWeeksRule.FlagCode))
        {
            var leading = suggestions.Count > 0 ? suggestions[0] : null;
            if (leading is null || !ConditionCatalogue.Get(leading.Condition).TelehealthCanBeEnough)
            {
                inPerson = true;
                reasons.Add(new TriageReason(NoImprovementInPersonCode, TriageLevel.Soon,
                    [leading is null ? "no condition suggested" : $"{ConditionCatalogue.Get(leading.Condition).Name} needs an in-person examination"]));
            }
            else
            {
                notCounted.Add($"No improvement after {NoImprovementAfterSixWeeksRule.Weeks} weeks raises the level to Soon, but telehealth can manage "
                    + $"{ConditionCatalogue.Get(leading.Condition).Name}, so duration alone does not require an in-person visit.");
            }
        }

        if (answers.FeverBeganWithHipPain == false && !flags.Any(f => f.Level == TriageLevel.Emergency))
        {
            notCounted.Add("Fever or feeling unwell began with another illness, so it does not count as a red flag on its own; "
                + "it would still count with a hip that will not bear weight, a recent procedure or lowered immunity.");
        }

        var explanation = new TriageExplanation(Explain(level, inPerson, reasons), notCounted, ranks);
        return new TriageResult(level, flags, suggestions, inPerson)
        {
            Advice = TriageAdvice.For(level, inPerson, flags),
            Reasons = reasons,
            Explanation = explanation,
        };
    }

    private static List<string> Explain(TriageLevel level, bool inPerson, List<TriageReason> reasons)
    {
        var lines = reasons.Count == 0
            ? [$"{level}: no red flag fired."]
            : reasons.OrderByDescending(r => r.Level).Select(r => $"{r.Level}: {r.Rule}, from {string.Join(", ", r.FiredBy)}.").ToList();
        lines.Add(inPerson ? "In person: a rule that fired needs an examination." : "Telehealth can be enough: no rule that fired needs an examination.");
        return lines;
    }
}
