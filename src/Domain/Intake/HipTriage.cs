using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Intake.Suggestions;

namespace ClinicHip.Domain.Intake;

/// <summary>What the answers mean for staff: how soon, why, and what to consider. Decision support, never a diagnosis.</summary>
/// <param name="Level">Routine, Soon or Urgent.</param>
/// <param name="RedFlags">Every red flag found.</param>
/// <param name="SuggestedConditions">Conditions to consider, most relevant first.</param>
/// <param name="RequiresInPersonAssessment">Telehealth alone is not enough.</param>
public sealed record TriageResult(TriageLevel Level, IReadOnlyList<RedFlag> RedFlags, IReadOnlyList<ConditionSuggestion> SuggestedConditions, bool RequiresInPersonAssessment)
{
    public const string Disclaimer = "Conditions to consider at assessment, from the patient's answers: decision support for the clinician, not a diagnosis.";
}

/// <summary>Triage of a hip intake form by the named rules of <see cref="RedFlags"/> and <see cref="Suggestions"/>.</summary>
public static class HipTriage
{
    public static IReadOnlyList<IRedFlagRule> RedFlagRules { get; } =
    [
        new CannotBearWeightRule(), new PainOnEveryWeightBearingStepRule(), new SevereRestOrNightPainRule(), new SystemicSymptomsRule(),
        new FallWithSwellingRule(), new BoneStressRiskRule(), new PainNotEasingOrSpreadingRule(),
    ];

    public static IReadOnlyList<IConditionSuggestionRule> SuggestionRules { get; } =
    [
        new FemoralNeckStressFractureRule(), new TrochantericBursitisRule(), new GlutealTendinopathyRule(), new ItBandSyndromeRule(), new HipPointerRule(),
        new LabralTearRule(), new FemoroacetabularImpingementRule(), new IliopsoasBursitisRule(), new HipFlexorStrainRule(), new AdductorStrainRule(),
        new PiriformisSyndromeRule(), new HamstringTendinopathyRule(), new HipOsteoarthritisRule(),
    ];

    public static TriageResult Assess(HipIntakeAnswers answers, int ageYears)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var flags = RedFlagRules.Select(rule => rule.Check(answers)).OfType<RedFlag>().ToList();
        var suggestions = SuggestionRules.Select(rule => rule.Suggest(answers, ageYears)).OfType<ConditionSuggestion>()
            .OrderByDescending(s => s.MustRuleOut).ThenByDescending(s => s.Evidence.Count).ToList();

        var suspectedStressFracture = suggestions.Any(s => s.Condition == HipCondition.FemoralNeckStressFracture);
        var level = flags.Count == 0 ? TriageLevel.Routine : flags.Max(f => f.Level);
        if (suspectedStressFracture && level == TriageLevel.Routine)
        {
            level = TriageLevel.Soon;
        }

        return new TriageResult(level, flags, suggestions, suspectedStressFracture || flags.Any(f => f.RequiresInPersonAssessment));
    }
}
