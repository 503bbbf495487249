using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.Suggestions;

namespace ClinicHip.Domain.Intake;

/// <summary>Where one suggestion ranks and why, for the clinician.</summary>
/// <param name="Rank">1 for the best fit.</param>
/// <param name="Condition">The condition.</param>
/// <param name="MustRuleOut">Dangerous if missed: ranked first whatever the fit.</param>
/// <param name="Fit">The answers pointing to it, adjusted by the patterns that make it more or less likely.</param>
/// <param name="Why">Why it ranks here, against the one above it.</param>
public sealed record SuggestionRank(int Rank, HipCondition Condition, bool MustRuleOut, int Fit, string Why);

/// <summary>
/// Orders the suggestions so that the pattern that fits best comes first: must-rule-out conditions, then the fit (the
/// answers pointing to a condition, adjusted by the patterns below), then the catalogue's order
/// (docs/clinical-basis.md#ranking).
/// </summary>
public static class SuggestionRanking
{
    private static readonly HipCondition[] Spine =
        [HipCondition.LumbarRadiculopathyOrReferredPain, HipCondition.LumbarOrSacroiliacReferredPain, HipCondition.AxialSpondyloarthritis];

    private static readonly HipCondition[] ButtockMuscle = [HipCondition.PiriformisSyndrome, HipCondition.HamstringTendinopathy];

    /// <summary>The suggestions, best first, each with its rank and the reason for it.</summary>
    public static (IReadOnlyList<ConditionSuggestion> Ordered, IReadOnlyList<SuggestionRank> Ranks) Rank(IEnumerable<ConditionSuggestion> suggestions, HipIntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(answers);
        var scored = suggestions.Select(s => (Suggestion: s, Adjustment: Adjust(s.Condition, answers)))
            .Select(x => (x.Suggestion, Fit: x.Suggestion.Evidence.Count + x.Adjustment.By, x.Adjustment.Note))
            .OrderByDescending(x => x.Suggestion.MustRuleOut).ThenByDescending(x => x.Fit).ToList();

        var ranks = new List<SuggestionRank>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (suggestion, fit, note) = scored[i];
            var why = i == 0
                ? suggestion.MustRuleOut ? "Must be ruled out first." : $"Best fit: {fit} of the answers point to it."
                : Against(scored[i - 1].Suggestion, scored[i - 1].Fit, suggestion, fit);
            ranks.Add(new SuggestionRank(i + 1, suggestion.Condition, suggestion.MustRuleOut, fit, note is null ? why : $"{why} {note}"));
        }

        return ([.. scored.Select(x => x.Suggestion)], ranks);
    }

    private static string Against(ConditionSuggestion above, int aboveFit, ConditionSuggestion suggestion, int fit)
    {
        var name = ConditionCatalogue.Get(above.Condition).Name;
        return above.MustRuleOut && !suggestion.MustRuleOut ? $"Below {name}, which must be ruled out first."
            : fit < aboveFit ? $"Below {name}: fewer answers fit ({fit} against {aboveFit})."
            : $"As many answers fit as {name} ({fit}).";
    }

    /// <summary>A pattern that makes a condition more or less likely than its count of answers says.</summary>
    private static (int By, string? Note) Adjust(HipCondition condition, HipIntakeAnswers answers)
    {
        var back = answers.HurtsAt(PainLocation.LowerBack);
        if (condition == HipCondition.LumbarRadiculopathyOrReferredPain && (answers.Reports(BurningOrNumbArea.BelowKnee)
            || answers.Reports(NeurologicalSymptom.LegNumbnessOrPinsAndNeedles) || answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop)))
        {
            return (back ? 3 : 1, "Numbness, pins and needles or weakness in the leg point to a nerve root.");
        }

        if (condition == HipCondition.LumbarOrSacroiliacReferredPain && answers.MorningStiffnessMinutes > 30)
        {
            return (1, "The pain involves the lower back, but long morning stiffness points to an inflammatory cause first.");
        }

        if (back && Spine.Contains(condition))
        {
            return (2, "The pain involves the lower back, so the spine is considered before the hip.");
        }

        if (back && ButtockMuscle.Contains(condition))
        {
            return (-1, "Pain that involves the back points to the spine before a buttock muscle.");
        }

        if (condition == HipCondition.InguinalOrFemoralHernia && answers.GroinLump is not null)
        {
            return (1, "A groin lump is specific to a hernia.");
        }

        return condition == HipCondition.MeralgiaParaesthetica && answers.Reports(BurningOrNumbArea.OuterThigh)
            ? (1, "Burning or numbness confined to the outer thigh is specific to this nerve.")
            : (0, null);
    }
}
