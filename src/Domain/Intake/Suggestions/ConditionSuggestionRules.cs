using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake.RedFlags;

namespace ClinicHip.Domain.Intake.Suggestions;

/// <summary>A condition for the clinician to consider, with the answers that point to it. Decision support, not a diagnosis.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="Evidence">The answers that point to it, in plain language.</param>
/// <param name="MustRuleOut">Dangerous if missed: ranked first whatever the evidence count.</param>
public sealed record ConditionSuggestion(HipCondition Condition, IReadOnlyList<string> Evidence, bool MustRuleOut = false);

/// <summary>One "where it hurts → what it may be" rule (docs/clinical-basis.md#where-it-hurts).</summary>
public interface IConditionSuggestionRule
{
    ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears);
}

/// <summary>Collects the evidence phrases whose condition holds.</summary>
internal static class Evidence
{
    public static List<string> Of(params (bool Holds, string Phrase)[] clues) => [.. clues.Where(c => c.Holds).Select(c => c.Phrase)];
}

/// <summary>Outside of the hip, worse lying on that side or rising from a chair.</summary>
public sealed class TrochantericBursitisRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) => !answers.HurtsAt(PainLocation.OutsideOfHip) ? null : new(HipCondition.TrochantericBursitis, Evidence.Of(
        (true, "pain on the outside of the hip"),
        (answers.WorseWith(AggravatingFactor.LyingOnThatSide), "worse lying on that side"),
        (answers.WorseWith(AggravatingFactor.RisingFromChair), "worse rising from a chair"),
        (answers.Pain.AtNight >= 4, "pain at night")));
}

/// <summary>Outside of the hip, worse on stairs, lying on that side or rising from a chair, coming on gradually.</summary>
public sealed class GlutealTendinopathyRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) => !answers.HurtsAt(PainLocation.OutsideOfHip) ? null : new(HipCondition.GlutealTendinopathy, Evidence.Of(
        (true, "pain on the outside of the hip"),
        (answers.WorseWith(AggravatingFactor.Stairs), "worse on stairs"),
        (answers.WorseWith(AggravatingFactor.LyingOnThatSide), "worse lying on that side"),
        (answers.Onset == Onset.Gradual, "came on gradually")));
}

/// <summary>Outside of the hip and the knee, with cambered roads, hills or more mileage.</summary>
public sealed class ItBandSyndromeRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.HurtsAt(PainLocation.OutsideOfHip) && answers.HurtsAt(PainLocation.RadiatingToKnee)) ? null : new(HipCondition.ItBandSyndrome, Evidence.Of(
            (true, "pain on the outside of the hip and towards the knee"),
            (answers.PrecedingChanges.Contains(PrecedingChange.CamberedRoads), "began after running cambered roads"),
            (answers.PrecedingChanges.Contains(PrecedingChange.Hills), "began after hill running"),
            (answers.MileageRose, "mileage went up")));
}

/// <summary>A fall or direct blow onto the outside of the hip.</summary>
public sealed class HipPointerRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.PrecedingChanges.Contains(PrecedingChange.FallOrDirectBlow) && answers.HurtsAt(PainLocation.OutsideOfHip)) ? null : new(HipCondition.HipPointer, Evidence.Of(
            (true, "a fall or direct blow onto the outside of the hip"),
            (answers.Swelling, "swelling or bruising")));
}

/// <summary>Groin pain with clicking, catching or locking.</summary>
public sealed class LabralTearRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var mechanical = answers.Reports(MechanicalSymptom.Clicking) || answers.Reports(MechanicalSymptom.Catching) || answers.Reports(MechanicalSymptom.Locking);
        return !(answers.HurtsAt(PainLocation.FrontOfHipOrGroin) && mechanical) ? null : new(HipCondition.LabralTear, Evidence.Of(
            (true, "front-of-hip or groin pain"),
            (answers.Reports(MechanicalSymptom.Clicking), "clicking"),
            (answers.Reports(MechanicalSymptom.Catching), "catching"),
            (answers.Reports(MechanicalSymptom.Locking), "locking")));
    }
}

/// <summary>A deep groin ache, worse after running and with hip flexion or sitting.</summary>
public sealed class FemoroacetabularImpingementRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var flexion = answers.WorseWith(AggravatingFactor.HipFlexionKneeToChest) || answers.WorseWith(AggravatingFactor.ProlongedSitting);
        return !(answers.HurtsAt(PainLocation.FrontOfHipOrGroin) && flexion) ? null : new(HipCondition.FemoroacetabularImpingement, Evidence.Of(
            (true, "groin pain"),
            (answers.WorseWith(AggravatingFactor.HipFlexionKneeToChest), "worse bringing the knee to the chest"),
            (answers.WorseWith(AggravatingFactor.ProlongedSitting), "worse with prolonged sitting"),
            (answers.Pain.AfterRun > answers.Pain.DuringRun, "worse after a run than during it")));
    }
}

/// <summary>Clicking or snapping at the front of the hip when it flexes.</summary>
public sealed class IliopsoasBursitisRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var snapping = answers.Reports(MechanicalSymptom.Snapping) || answers.Reports(MechanicalSymptom.Clicking);
        return !(answers.HurtsAt(PainLocation.FrontOfHipOrGroin) && snapping && answers.WorseWith(AggravatingFactor.HipFlexionKneeToChest)) ? null
            : new(HipCondition.IliopsoasBursitis, Evidence.Of(
                (true, "clicking or snapping at the front of the hip"),
                (true, "worse when the hip flexes")));
    }
}

/// <summary>A sudden sharp pain near the leg crease, worse pulling the knee to the chest.</summary>
public sealed class HipFlexorStrainRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) =>
        !(answers.HurtsAt(PainLocation.FrontOfHipOrGroin) && answers.WorseWith(AggravatingFactor.HipFlexionKneeToChest) && answers.Onset == Onset.Sudden) ? null
            : new(HipCondition.HipFlexorStrain, Evidence.Of(
                (true, "sudden front-of-hip pain"),
                (true, "worse pulling the knee to the chest"),
                (answers.PrecedingChanges.Contains(PrecedingChange.SpeedWork), "began with speed work")));
}

/// <summary>
/// Groin pain on every weight-bearing step or on impact, a dull groin ache that began after a rise in mileage, or groin
/// pain on running with a bone-stress risk factor. Dangerous: can displace (docs/clinical-basis.md#femoral-neck-stress-fracture).
/// </summary>
public sealed class FemoralNeckStressFractureRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var everyStep = answers.WorseWith(AggravatingFactor.EveryWeightBearingStep);
        var afterMileageRise = answers.MileageRose && answers.Onset == Onset.Gradual;
        var atRisk = BoneStressRiskRule.RiskFactors(answers).Count > 0 && answers.HasGroinPainOnRunning();
        var impact = answers.WorseWith(AggravatingFactor.HoppingOrImpact);
        return !(answers.HasGroinPain && (everyStep || impact || afterMileageRise || atRisk || !answers.AbleToBearWeight)) ? null
            : new(HipCondition.FemoralNeckStressFracture, [.. Evidence.Of(
                (true, "groin pain"),
                (everyStep, "pain on every weight-bearing step"),
                (impact, "pain on hopping or impact"),
                (answers.MileageRose, "mileage went up before it began"),
                (!answers.AbleToBearWeight, "cannot bear weight")), .. BoneStressRiskRule.RiskFactors(answers)], MustRuleOut: true);
    }
}

/// <summary>
/// When a suspected femoral neck stress fracture raises the level to Soon and needs an in-person visit: pain on weight
/// bearing or impact, a measured load spike, or a bone-stress risk factor. A self-reported rise alone keeps the
/// suggestion but not the level (docs/clinical-basis.md#over-triage).
/// </summary>
public static class StressFractureEscalationRule
{
    public const string Code = "suggestion.stress-fracture-escalation";

    /// <summary>The answers that justify escalating, or null when the suspicion rests on a self-reported rise alone.</summary>
    public static IReadOnlyList<string>? Escalates(HipIntakeAnswers answers, TriageContext context)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        var reasons = Evidence.Of(
            (answers.WorseWith(AggravatingFactor.EveryWeightBearingStep), "pain on every weight-bearing step"),
            (answers.WorseWith(AggravatingFactor.HoppingOrImpact), "pain on hopping or impact"),
            (!answers.AbleToBearWeight, "cannot bear weight"),
            (answers.FiguresBreakTenPercentRule(), $"weekly distance up {(int)((answers.Running.MileageRise ?? 0) * 100)} % in four weeks"),
            (context.RecordedLoadSpike, "recorded running weeks show a load spike"));
        reasons.AddRange(BoneStressRiskRule.RiskFactors(answers));
        return reasons.Count == 0 ? null : reasons;
    }
}

/// <summary>Pain on the inside of the thigh into the groin.</summary>
public sealed class AdductorStrainRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) => !answers.HurtsAt(PainLocation.InsideOfThighOrGroin) ? null : new(HipCondition.AdductorStrain, Evidence.Of(
        (true, "pain on the inside of the thigh or groin"),
        (answers.Onset == Onset.Sudden, "came on suddenly"),
        (answers.PrecedingChanges.Contains(PrecedingChange.SpeedWork), "began with speed work")));
}

/// <summary>Buttock pain radiating down the leg, worse after long sitting or on stairs.</summary>
public sealed class PiriformisSyndromeRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var clue = answers.HurtsAt(PainLocation.RadiatingDownLeg) || answers.WorseWith(AggravatingFactor.ProlongedSitting) || answers.WorseWith(AggravatingFactor.Stairs);
        return !(answers.HurtsAt(PainLocation.BackOfHipOrButtock) && clue) ? null : new(HipCondition.PiriformisSyndrome, Evidence.Of(
            (true, "buttock pain"),
            (answers.HurtsAt(PainLocation.RadiatingDownLeg), "radiating down the leg"),
            (answers.WorseWith(AggravatingFactor.ProlongedSitting), "worse after long sitting"),
            (answers.WorseWith(AggravatingFactor.Stairs), "worse on stairs")));
    }
}

/// <summary>Buttock pain, worse sitting, with speed work or hills.</summary>
public sealed class HamstringTendinopathyRule : IConditionSuggestionRule
{
    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears) => !answers.HurtsAt(PainLocation.BackOfHipOrButtock) ? null : new(HipCondition.HamstringTendinopathy, Evidence.Of(
        (true, "pain at the back of the hip or buttock"),
        (answers.WorseWith(AggravatingFactor.ProlongedSitting), "worse sitting"),
        (answers.PrecedingChanges.Contains(PrecedingChange.SpeedWork) || answers.PrecedingChanges.Contains(PrecedingChange.Hills), "began with speed work or hills")));
}

/// <summary>Diagnosed osteoarthritis, or gradual groin pain and stiffness in an older runner.</summary>
public sealed class HipOsteoarthritisRule : IConditionSuggestionRule
{
    public const int OlderRunnerAge = 50;

    public ConditionSuggestion? Suggest(HipIntakeAnswers answers, int ageYears)
    {
        var diagnosed = answers.Has(MedicalHistory.HipOsteoarthritis);
        var older = ageYears >= OlderRunnerAge && answers.HasGroinPain && answers.Onset == Onset.Gradual;
        return !(diagnosed || older) ? null : new(HipCondition.HipOsteoarthritis, Evidence.Of(
            (diagnosed, "diagnosed hip osteoarthritis"),
            (ageYears >= OlderRunnerAge, $"aged {OlderRunnerAge} or over"),
            (answers.HasGroinPain && answers.Onset == Onset.Gradual, "gradual groin pain")));
    }
}
