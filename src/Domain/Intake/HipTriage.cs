using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Intake.Suggestions;

namespace ClinicHip.Domain.Intake;

/// <summary>Which rule raised the level, and the answers that fired it: for the clinician.</summary>
/// <param name="Rule">The red flag's code, or <see cref="StressFractureEscalationRule.Code"/>.</param>
/// <param name="Level">The level the rule asks for.</param>
/// <param name="FiredBy">The answers that fired it.</param>
public sealed record TriageReason(string Rule, TriageLevel Level, IReadOnlyList<string> FiredBy);

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
}

/// <summary>Triage of a hip intake form by the named rules of <see cref="RedFlags"/> and <see cref="Suggestions"/>.</summary>
public static class HipTriage
{
    public static IReadOnlyList<IRedFlagRule> RedFlagRules { get; } =
    [
        new CaudaEquinaRule(), new SepticArthritisRule(), new HipFractureAfterFallRule(),
        new CannotBearWeightRule(), new PainOnEveryWeightBearingStepRule(), new SevereRestOrNightPainRule(), new SystemicSymptomsRule(),
        new FallWithSwellingRule(), new BoneStressRiskRule(), new SlippedEpiphysisRule(), new CancerHistoryRule(), new ProgressiveWeaknessRule(),
        new OccultHipFractureRule(), new FeverWhenInfectionProneRule(),
        new PainNotEasingOrSpreadingRule(), new OsteonecrosisRiskRule(), new NightSweatsRule(), new NoImprovementAfterSixWeeksRule(),
        new InflammatoryStiffnessRule(),
    ];

    public static IReadOnlyList<IConditionSuggestionRule> SuggestionRules { get; } =
    [
        new FemoralNeckStressFractureRule(), new TrochantericBursitisRule(), new GlutealTendinopathyRule(), new ItBandSyndromeRule(), new HipPointerRule(),
        new LabralTearRule(), new FemoroacetabularImpingementRule(), new IliopsoasBursitisRule(), new HipFlexorStrainRule(), new AdductorStrainRule(),
        new PiriformisSyndromeRule(), new HamstringTendinopathyRule(), new HipOsteoarthritisRule(),
        new SlippedCapitalFemoralEpiphysisRule(), new OsteonecrosisRule(), new LumbarRadiculopathyRule(), new FragilityHipFractureRule(),
        new SepticArthritisSuggestionRule(), new MalignancyRule(), new PubicBoneStressRule(), new AthleticPubalgiaRule(), new ExternalSnappingHipRule(),
    ];

    public static TriageResult Assess(HipIntakeAnswers answers, TriageContext context)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var flags = RedFlagRules.Select(rule => rule.Check(answers, context)).OfType<RedFlag>().ToList();
        var suggestions = SuggestionRules.Select(rule => rule.Suggest(answers, context.AgeYears)).OfType<ConditionSuggestion>()
            .OrderByDescending(s => s.MustRuleOut).ThenByDescending(s => s.Evidence.Count).ToList();
        var reasons = flags.ConvertAll(f => new TriageReason(f.Code, f.Level, f.FiredBy ?? []));

        var level = flags.Count == 0 ? TriageLevel.Routine : flags.Max(f => f.Level);
        var inPerson = flags.Any(f => f.RequiresInPersonAssessment);
        if (suggestions.Any(s => s.Condition == HipCondition.FemoralNeckStressFracture)
            && StressFractureEscalationRule.Escalates(answers, context) is { } escalation)
        {
            inPerson = true;
            level = level < TriageLevel.Soon ? TriageLevel.Soon : level;
            reasons.Add(new TriageReason(StressFractureEscalationRule.Code, TriageLevel.Soon, escalation));
        }

        return new TriageResult(level, flags, suggestions, inPerson) { Advice = TriageAdvice.For(level, inPerson, flags), Reasons = reasons };
    }
}
