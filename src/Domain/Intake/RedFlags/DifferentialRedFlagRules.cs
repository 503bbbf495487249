using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Intake.RedFlags;

/// <summary>A limp or a leg not stood on under 3: infection, fracture or a dysplastic hip must be excluded the same day (docs/clinical-basis.md#child-limp).</summary>
public sealed class InfantLimpRule : RedFlagRule
{
    public const int UnderAge = 3;

    public override string Code => "red-flag.infant-limp";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "child-limp";
    protected override string Reason => $"A child under {UnderAge} with a limp or not standing on the leg: needs a same-day assessment.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(context.AgeYears < UnderAge && (answers.Limp || !answers.AbleToBearWeight)) ? null
            : Answers((true, $"aged {context.AgeYears}"), (answers.Limp, "a limp"), (!answers.AbleToBearWeight, "cannot bear weight"));
}

/// <summary>
/// A limp at 3 to 8, without fever: transient synovitis if it settles in days, Perthes disease if it lasts; both need
/// an in-person examination, and an X-ray when it lasts (docs/clinical-basis.md#child-limp).
/// </summary>
public sealed class ChildLimpRule : RedFlagRule
{
    public const int FromAge = InfantLimpRule.UnderAge;
    public const int ToAge = SlippedEpiphysisRule.FromAge - 1;

    public override string Code => "red-flag.child-limp";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "child-limp";
    protected override string Reason => "A child with a limp: transient synovitis or Perthes disease must be examined in person.";
    protected override string PatientInstruction => "If your child gets a fever, seems unwell or stops standing on the leg, go to an emergency department.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(context.AgeYears is >= FromAge and <= ToAge && answers.Limp) ? null
            : [$"aged {context.AgeYears}", "a limp", $"began {answers.DaysSinceOnset(context.Today)} days ago"];
}

/// <summary>
/// Unexplained bone pain in a child or young adult that is worse at night than on the run, or that nothing eases, for
/// three weeks or more: a bone tumour needs an X-ray within 48 hours (NICE NG12; docs/clinical-basis.md#bone-tumour).
/// </summary>
public sealed class YoungNightBonePainRule : RedFlagRule
{
    public const int FromAge = 3;
    public const int ToAge = 24;
    public const int NightPain = 4;
    public const int MinimumDays = 21;

    public override string Code => "red-flag.young-bone-pain";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "bone-tumour";
    protected override string Reason => "Persistent night or unrelenting bone pain in a young patient: a bone tumour must be excluded with an X-ray.";

    /// <summary>Night pain worse than on the run and not from lying on the sore side: shared with the suggestion rule.</summary>
    public static bool NightPainWorseThanRunning(HipIntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Pain.AtNight >= NightPain && answers.Pain.AtNight > answers.Pain.DuringRun && !answers.WorseWith(AggravatingFactor.LyingOnThatSide);
    }

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var nightWorse = NightPainWorseThanRunning(answers);
        var lasting = answers.DaysSinceOnset(context.Today) >= MinimumDays;
        return !(context.AgeYears is >= FromAge and <= ToAge && lasting && (nightWorse || answers.NothingEasesPain) && !answers.BeganAfter(PrecedingChange.FallOrDirectBlow))
            ? null : Answers(
                (true, $"aged {context.AgeYears}"),
                (nightWorse, $"night pain {answers.Pain.AtNight}/10, worse than when running"),
                (answers.NothingEasesPain, "nothing eases the pain"),
                (true, $"for {answers.DaysSinceOnset(context.Today) / 7} weeks"));
    }
}

/// <summary>
/// A pop or snap at the moment a sudden pain began: an apophyseal avulsion in the young, a complete tendon tear in adults.
/// Seen in person with imaging; a proximal hamstring avulsion does best repaired within weeks (docs/clinical-basis.md#avulsion).
/// </summary>
public sealed class PopAtInjuryRule : RedFlagRule
{
    public override string Code => "red-flag.pop-at-injury";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "avulsion";
    protected override string Reason => "A pop at the moment of a sudden injury: an avulsion or complete tendon tear needs an in-person assessment and imaging.";
    protected override string PatientInstruction => "Stop running and sprinting until you have been seen.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(answers.PopAtOnset == true && answers.Onset == Onset.Sudden) ? null : Answers(
            (true, "a pop at the moment of injury"),
            (answers.BeganAfter(PrecedingChange.SpeedWork), "while sprinting or at speed"),
            (answers.WorseWith(AggravatingFactor.KickingOrTwisting), "worse kicking or twisting"),
            (answers.HurtsAt(PainLocation.BackOfHipOrButtock), "at the buttock or sitting bone"),
            (answers.HurtsAt(PainLocation.FrontOfHipOrGroin), "at the front of the hip"));
}

/// <summary>
/// Both hips and both shoulders aching and stiff at 50 or over: polymyalgia rheumatica, which needs blood tests, and
/// whose link with giant cell arteritis makes headache or jaw pain a same-day matter (docs/clinical-basis.md#polymyalgia).
/// </summary>
public sealed class PolymyalgiaRule : RedFlagRule
{
    public override string Code => "red-flag.polymyalgia";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "polymyalgia";
    protected override string Reason => "Both hips and shoulders stiff at 50 or over: polymyalgia rheumatica needs an assessment with blood tests.";
    protected override string PatientInstruction =>
        "If you get a new headache, pain in your jaw when chewing or any change in your sight, see a doctor today: it can affect the eyes.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(answers.ShouldersAndHipsStiff == true && context.AgeYears >= IntakeQuestions.ShouldersAndHipsFromAge) ? null : Answers(
            (true, "both hips and shoulders stiff"),
            (true, $"aged {context.AgeYears}"),
            (answers.MorningStiffnessMinutes >= 45, $"morning stiffness {answers.MorningStiffnessMinutes} minutes"));
}

/// <summary>Testicular or scrotal pain that came on gradually: epididymitis, a hernia or a referred cause, examined in person soon (docs/clinical-basis.md#testicular-torsion).</summary>
public sealed class TesticularPainRule : RedFlagRule
{
    public override string Code => "red-flag.testicular-pain";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "testicular-torsion";
    protected override string Reason => "Testicular or scrotal pain: needs an examination by a doctor.";
    protected override string PatientInstruction => "If the pain in your testicle becomes sudden or severe, go to an emergency department straight away.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.TesticularPain == true ? ["testicular or scrotal pain"] : null;
}

/// <summary>A groin lump in a woman: a femoral hernia, which strangles more often than an inguinal one, needs a prompt referral (docs/clinical-basis.md#hernia).</summary>
public sealed class GroinLumpInWomanRule : RedFlagRule
{
    public override string Code => "red-flag.groin-lump-female";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "hernia";
    protected override string Reason => "A groin lump in a woman: a femoral hernia needs a prompt surgical referral.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.GroinLump == GroinLump.ComesAndGoes && answers.Sex == Sex.Female ? ["groin lump that comes and goes", "female"] : null;
}
