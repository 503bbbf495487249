namespace ClinicHip.Domain.Intake.RedFlags;

/// <summary>
/// Sudden back, loin, belly or groin pain at 50 or over, severe or with faintness, in someone who smokes or has vascular
/// disease (or who fainted): a leaking or expanding abdominal aortic aneurysm. Call an ambulance (docs/clinical-basis.md#aortic-aneurysm).
/// </summary>
public sealed class LeakingAorticAneurysmRule : RedFlagRule
{
    public const int FromAge = 50;
    public const int SeverePain = 6;

    public override string Code => "red-flag.aortic-aneurysm";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "aortic-aneurysm";
    protected override string Reason =>
        "Sudden severe back, loin or groin pain at 50 or over with vascular risk or faintness: a leaking aortic aneurysm must be excluded now.";
    protected override EmergencyService? Service => EmergencyService.Ambulance;
    protected override string PatientInstruction => "Call an ambulance now. Do not drive yourself, eat or drink while you wait.";

    /// <summary>The aneurysm pattern, shared with the suggestion rule.</summary>
    public static bool Matches(HipIntakeAnswers answers, int ageYears)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var where = answers.HurtsAt(PainLocation.LowerBack) || answers.HurtsAt(PainLocation.Flank) || answers.HasGroinOrLowerAbdominalPain;
        var faint = answers.Reports(SystemicSymptom.FaintnessOrCollapse);
        var vascular = answers.Has(MedicalHistory.Smoking) || answers.Has(MedicalHistory.VascularDisease);
        var severe = answers.WorstRestOrNightPain >= SeverePain;
        var injured = answers.BeganAfter(PrecedingChange.FallOrDirectBlow);
        return ageYears >= FromAge && answers.Onset == Onset.Sudden && !injured && where && (severe || faint) && (vascular || faint);
    }

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var faint = answers.Reports(SystemicSymptom.FaintnessOrCollapse);
        var severe = answers.WorstRestOrNightPain >= SeverePain;
        return !Matches(answers, context.AgeYears) ? null : Answers(
            (true, $"aged {context.AgeYears}"),
            (true, "sudden onset without injury"),
            (answers.HurtsAt(PainLocation.LowerBack), "back pain"),
            (answers.HurtsAt(PainLocation.Flank), "loin pain"),
            (answers.HasGroinOrLowerAbdominalPain, "groin or lower-belly pain"),
            (severe, $"pain at rest or night {answers.WorstRestOrNightPain}/10"),
            (faint, "faintness or collapse"),
            (answers.Has(MedicalHistory.Smoking), "smokes"),
            (answers.Has(MedicalHistory.VascularDisease), "known vascular disease"));
    }
}

/// <summary>
/// A recent hip injection, arthroscopy or operation, then fever or feeling unwell, or worsening pain with diabetes or
/// immunosuppression (which blunt the fever): a joint infection until proven otherwise, whether or not the patient walks
/// (docs/clinical-basis.md#post-procedure-infection).
/// </summary>
public sealed class PostProcedureJointInfectionRule : RedFlagRule
{
    public override string Code => "red-flag.post-procedure-infection";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "post-procedure-infection";
    protected override string Reason =>
        "A recent hip injection or operation, then fever, feeling unwell, or worsening pain with blunted immunity: joint infection until proven otherwise.";

    /// <summary>The post-procedure infection pattern, shared with the suggestion rule.</summary>
    public static bool Matches(HipIntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var blunted = answers.Has(MedicalHistory.Diabetes) || answers.Has(MedicalHistory.Immunosuppression);
        var signs = answers.HasFeverOrFeelsUnwell() || (answers.Trend == PainTrend.Worsening && blunted);
        return answers.Has(MedicalHistory.RecentHipInjectionInfectionOrSurgery) && signs;
    }

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var worsening = answers.Trend == PainTrend.Worsening;
        return !Matches(answers) ? null : Answers(
            (true, "recent hip injection, infection or surgery"),
            (answers.Reports(SystemicSymptom.Fever), "fever"),
            (answers.Reports(SystemicSymptom.FeelingUnwell), "feeling unwell"),
            (worsening, "pain getting worse"),
            (answers.Has(MedicalHistory.Diabetes), "diabetes"),
            (answers.Has(MedicalHistory.Immunosuppression), "immunosuppression"),
            (answers.AbleToBearWeight, "still bearing weight: does not exclude it"));
    }
}

/// <summary>
/// A late or missed period with groin or lower-belly pain that is new, sudden, or comes with faintness: an ectopic
/// pregnancy until shown otherwise (docs/clinical-basis.md#ectopic-pregnancy).
/// </summary>
public sealed class EctopicPregnancyRule : RedFlagRule
{
    public const int RecentDays = 42;

    public override string Code => "red-flag.ectopic-pregnancy";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "ectopic-pregnancy";
    protected override string Reason => "A late or missed period with new groin or lower-belly pain: an ectopic pregnancy must be excluded today.";
    protected override string PatientInstruction => "If you feel faint, collapse or the pain becomes severe, call an ambulance.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var recent = answers.DaysSinceOnset(context.Today) <= RecentDays;
        var faint = answers.Reports(SystemicSymptom.FaintnessOrCollapse);
        return !(answers.PeriodLateOrMissed == true && answers.HasGroinOrLowerAbdominalPain && (recent || answers.Onset == Onset.Sudden || faint)) ? null
            : Answers(
                (true, "period late or missed"),
                (true, "groin or lower-belly pain"),
                (answers.Side != Side.Both, "one side"),
                (answers.Onset == Onset.Sudden, "sudden onset"),
                (recent, $"began {answers.DaysSinceOnset(context.Today)} days ago"),
                (faint, "faintness or collapse"));
    }
}

/// <summary>Sudden testicular or scrotal pain that began in the last week: testicular torsion, where hours matter (docs/clinical-basis.md#testicular-torsion).</summary>
public sealed class TesticularTorsionRule : RedFlagRule
{
    public const int RecentDays = 7;

    public override string Code => "red-flag.testicular-torsion";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "testicular-torsion";
    protected override string Reason => "Sudden testicular or scrotal pain: testicular torsion must be excluded within hours.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(answers.TesticularPain == true && answers.Onset == Onset.Sudden && answers.DaysSinceOnset(context.Today) <= RecentDays) ? null
            : ["testicular or scrotal pain", "sudden onset", $"began {answers.DaysSinceOnset(context.Today)} days ago", $"aged {context.AgeYears}"];
}

/// <summary>A groin lump that is tender and will not go back: an incarcerated or strangulated hernia (docs/clinical-basis.md#hernia).</summary>
public sealed class IncarceratedHerniaRule : RedFlagRule
{
    public override string Code => "red-flag.incarcerated-hernia";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "hernia";
    protected override string Reason => "A tender groin lump that will not go back: an incarcerated hernia needs emergency surgical assessment.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.GroinLump != GroinLump.StuckAndTender ? null : Answers(
            (true, "tender groin lump that will not go back"),
            (answers.WorseWith(AggravatingFactor.CoughingOrStraining), "worse coughing or straining"),
            (answers.Reports(SystemicSymptom.FeelingUnwell), "feeling unwell"));
}

/// <summary>
/// Sudden, severe loin or lower-belly pain that began in the last week without injury: a surgical or gynaecological
/// emergency (kidney stone with obstruction, ovarian torsion, appendicitis), not the hip (docs/clinical-basis.md#abdominal-pelvic).
/// </summary>
public sealed class SuddenSevereAbdominalPainRule : RedFlagRule
{
    public const int SeverePain = 7;
    public const int RecentDays = 7;

    public override string Code => "red-flag.sudden-abdominal-pain";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "abdominal-pelvic";
    protected override string Reason => "Sudden severe loin or lower-belly pain: an abdominal or pelvic emergency must be excluded today.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var where = answers.HurtsAt(PainLocation.Flank) || answers.HurtsAt(PainLocation.LowerAbdomen);
        var recent = answers.DaysSinceOnset(context.Today) <= RecentDays;
        return !(where && answers.Onset == Onset.Sudden && recent && answers.WorstRestOrNightPain >= SeverePain && !answers.BeganAfter(PrecedingChange.FallOrDirectBlow))
            ? null : Answers(
                (answers.HurtsAt(PainLocation.Flank), "loin pain"),
                (answers.HurtsAt(PainLocation.LowerAbdomen), "lower-belly pain"),
                (true, "sudden onset"),
                (true, $"pain at rest or night {answers.WorstRestOrNightPain}/10"));
    }
}

/// <summary>Fainting or collapse with pain that came on suddenly: bleeding inside (aneurysm, ectopic pregnancy) until shown otherwise (docs/clinical-basis.md#collapse).</summary>
public sealed class CollapseWithSuddenPainRule : RedFlagRule
{
    public override string Code => "red-flag.collapse";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "collapse";
    protected override string Reason => "Faintness or collapse with sudden pain: internal bleeding must be excluded now.";
    protected override EmergencyService? Service => EmergencyService.Ambulance;
    protected override string PatientInstruction => "Call an ambulance now. Lie down while you wait and do not drive yourself.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(answers.Reports(SystemicSymptom.FaintnessOrCollapse) && answers.Onset == Onset.Sudden) ? null : ["faintness or collapse", "sudden onset"];
}
