namespace ClinicHip.Domain.Intake.RedFlags;

/// <summary>Saddle numbness or a new bladder or bowel change: cauda equina syndrome until shown otherwise.</summary>
public sealed class CaudaEquinaRule : RedFlagRule
{
    public override string Code => "red-flag.cauda-equina";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "cauda-equina";
    protected override string Reason => "Saddle numbness or a new bladder or bowel change: possible cauda equina syndrome, an emergency.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(answers.HasSaddleNumbness || answers.Reports(NeurologicalSymptom.NewBladderOrBowelChange)) ? null : Answers(
            (answers.HasSaddleNumbness, "saddle numbness"),
            (answers.Reports(NeurologicalSymptom.NewBladderOrBowelChange), "new bladder or bowel change"),
            (answers.Reports(NeurologicalSymptom.PainInBothLegs), "pain in both legs"),
            (answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop), "progressive leg weakness"));
}

/// <summary>
/// Fever or feeling unwell with inability to bear weight: septic arthritis. In a child or adolescent a limp is enough,
/// since children refuse rather than fail to bear weight, and so is a measured temperature above 38.5 °C with hip pain
/// (a Kocher criterion; docs/clinical-basis.md#septic-arthritis).
/// </summary>
public sealed class SepticArthritisRule : RedFlagRule
{
    public const int AdultAge = 18;
    public const decimal KocherTemperature = 38.5m;

    public override string Code => "red-flag.septic-arthritis";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "septic-arthritis";
    protected override string Reason => "Fever or feeling unwell with a hip that will not bear weight: possible septic arthritis, an emergency.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var child = context.AgeYears < AdultAge;
        var notBearing = !answers.AbleToBearWeight || (child && answers.Limp);
        var highChildFever = child && answers.TemperatureCelsius > KocherTemperature && answers.HurtsAtHipThighOrKnee();
        return !((answers.HasFeverOrFeelsUnwell() && notBearing) || highChildFever) ? null : Answers(
            (answers.Reports(SystemicSymptom.Fever), "fever"),
            (answers.TemperatureCelsius is not null, $"measured {answers.TemperatureCelsius:0.0} °C"),
            (answers.Reports(SystemicSymptom.FeelingUnwell), "feeling unwell"),
            (!answers.AbleToBearWeight, "cannot bear weight"),
            (child && answers.Limp, "a limp"),
            (child, $"aged {context.AgeYears}"));
    }
}

/// <summary>Inability to bear weight after a fall at 50 or older, or with low bone density: hip fracture.</summary>
public sealed class HipFractureAfterFallRule : RedFlagRule
{
    public const int FragilityAge = 50;

    public override string Code => "red-flag.hip-fracture";
    public override TriageLevel Level => TriageLevel.Emergency;
    public override string Basis => "hip-fracture";
    protected override string Reason => "Cannot bear weight after a fall, at 50 or over or with low bone density: possible hip fracture, an emergency.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var fragile = context.AgeYears >= FragilityAge || answers.Has(MedicalHistory.LowBoneDensity);
        return !(answers.BeganAfter(PrecedingChange.FallOrDirectBlow) && !answers.AbleToBearWeight && fragile) ? null : Answers(
            (true, "a fall"),
            (true, "cannot bear weight"),
            (context.AgeYears >= FragilityAge, $"aged {context.AgeYears}"),
            (answers.Has(MedicalHistory.LowBoneDensity), "low bone density"));
    }
}

/// <summary>Aged 9–16 with hip, thigh or knee pain and a limp or reduced weight bearing: slipped capital femoral epiphysis.</summary>
public sealed class SlippedEpiphysisRule : RedFlagRule
{
    public const int FromAge = 9;
    public const int ToAge = 16;

    public override string Code => "red-flag.slipped-epiphysis";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "scfe";
    protected override string Reason => "An adolescent with hip, thigh or knee pain and a limp: a slipped capital femoral epiphysis must be ruled out in person with imaging.";
    protected override string PatientInstruction => "Stop running and keep weight off the leg as much as you can until you have been seen.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var adolescent = context.AgeYears is >= FromAge and <= ToAge;
        return !(adolescent && answers.HurtsAtHipThighOrKnee() && (answers.Limp || !answers.AbleToBearWeight)) ? null : Answers(
            (true, $"aged {context.AgeYears}"),
            (answers.HurtsAt(PainLocation.Knee) || answers.HurtsAt(PainLocation.RadiatingToKnee), "knee pain"),
            (answers.HurtsAt(PainLocation.Thigh), "thigh pain"),
            (answers.Limp, "a limp"),
            (!answers.AbleToBearWeight, "cannot bear weight"));
    }
}

/// <summary>A history of cancer with rest or night pain, pain nothing eases, or unexplained weight loss: possible bone metastasis.</summary>
public sealed class CancerHistoryRule : RedFlagRule
{
    /// <summary>Any more than mild rest or night pain counts: bone metastases hurt at rest.</summary>
    public const int RestOrNightPain = 3;

    public override string Code => "red-flag.cancer-history";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "malignancy";
    protected override string Reason => "A history of cancer with rest or night pain, or weight loss: bone spread must be ruled out in person.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var restPain = answers.Pain.AtRest >= RestOrNightPain || answers.Pain.AtNight >= RestOrNightPain || answers.NothingEasesPain;
        var weightLoss = answers.Reports(SystemicSymptom.UnexplainedWeightLoss);
        return !(answers.Has(MedicalHistory.Cancer) && (restPain || weightLoss)) ? null : Answers(
            (true, "history of cancer"),
            (answers.Pain.AtRest >= RestOrNightPain, $"pain at rest {answers.Pain.AtRest}/10"),
            (answers.Pain.AtNight >= RestOrNightPain, $"pain at night {answers.Pain.AtNight}/10"),
            (answers.NothingEasesPain, "nothing eases the pain"),
            (weightLoss, "unexplained weight loss"));
    }
}

/// <summary>Progressive leg weakness or foot drop: a progressive nerve root deficit.</summary>
public sealed class ProgressiveWeaknessRule : RedFlagRule
{
    public override string Code => "red-flag.progressive-weakness";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "progressive-neuro-deficit";
    protected override string Reason => "Progressive leg weakness or foot drop: a nerve deficit must be assessed in person urgently.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !answers.Reports(NeurologicalSymptom.ProgressiveLegWeaknessOrFootDrop) ? null : Answers(
            (true, "progressive leg weakness or foot drop"),
            (answers.Reports(NeurologicalSymptom.LegNumbnessOrPinsAndNeedles), "numbness or pins and needles in the leg"));
}

/// <summary>A fall at 65 or older with groin pain, even while still walking: an occult hip fracture.</summary>
public sealed class OccultHipFractureRule : RedFlagRule
{
    public const int FromAge = 65;

    public override string Code => "red-flag.occult-hip-fracture";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "occult-fracture";
    protected override string Reason => "Groin pain after a fall at 65 or over: a hidden hip fracture must be ruled out with imaging, even though the patient can walk.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        !(context.AgeYears >= FromAge && answers.BeganAfter(PrecedingChange.FallOrDirectBlow) && answers.HasGroinPain) ? null
            : ["a fall", $"aged {context.AgeYears}", "groin pain"];
}

/// <summary>Fever with immunosuppression or a recent injection, infection or surgery at the hip: the signs of joint infection are blunted.</summary>
public sealed class FeverWhenInfectionProneRule : RedFlagRule
{
    public override string Code => "red-flag.fever-infection-prone";
    public override TriageLevel Level => TriageLevel.Urgent;
    public override string Basis => "immunosuppression-fever";
    protected override string Reason => "Fever with immunosuppression or a recent hip injection, infection or surgery: joint infection must be ruled out.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var prone = answers.Has(MedicalHistory.Immunosuppression) || answers.Has(MedicalHistory.RecentHipInjectionInfectionOrSurgery);
        return !(answers.Reports(SystemicSymptom.Fever) && prone) ? null : Answers(
            (true, "fever"),
            (answers.Has(MedicalHistory.Immunosuppression), "immunosuppression"),
            (answers.Has(MedicalHistory.RecentHipInjectionInfectionOrSurgery), "recent hip injection, infection or surgery"));
    }
}

/// <summary>Long-term oral corticosteroids or heavy alcohol use with deep groin pain: osteonecrosis of the femoral head.</summary>
public sealed class OsteonecrosisRiskRule : RedFlagRule
{
    public override string Code => "red-flag.osteonecrosis-risk";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "osteonecrosis";
    protected override string Reason => "Groin pain with long-term steroids or heavy alcohol use: osteonecrosis needs an in-person assessment with MRI.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var risk = answers.Has(MedicalHistory.LongTermOralCorticosteroids) || answers.Has(MedicalHistory.HeavyAlcoholUse);
        return !(risk && answers.HasGroinPain) ? null : Answers(
            (answers.Has(MedicalHistory.LongTermOralCorticosteroids), "long-term oral corticosteroids"),
            (answers.Has(MedicalHistory.HeavyAlcoholUse), "heavy alcohol use"),
            (true, "groin pain"));
    }
}

/// <summary>Night sweats with hip pain: infection or malignancy.</summary>
public sealed class NightSweatsRule : RedFlagRule
{
    public override string Code => "red-flag.night-sweats";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "night-sweats";
    protected override string Reason => "Night sweats with hip pain: infection or other disease must be ruled out in person.";

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.NightSweats ? ["night sweats"] : null;
}

/// <summary>Pain that has not improved six weeks after it began: look for a missed diagnosis in person.</summary>
public sealed class NoImprovementAfterSixWeeksRule : RedFlagRule
{
    public const int Weeks = 6;
    public const string FlagCode = "red-flag.no-improvement-six-weeks";

    public override string Code => FlagCode;
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "no-improvement";
    protected override string Reason => $"No improvement {Weeks} weeks or more after the pain began.";

    // In person only when telehealth cannot manage the leading suggestion: duration alone does not say so
    // (HipTriage, docs/clinical-basis.md#no-improvement).
    protected override bool InPerson => false;

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context)
    {
        var weeks = (context.Today.DayNumber - answers.StartedOn.DayNumber) / 7;
        return !(weeks >= Weeks && answers.Trend is PainTrend.NoChange or PainTrend.Worsening) ? null
            : [$"began {weeks} weeks ago", answers.Trend == PainTrend.Worsening ? "getting worse" : "not improving"];
    }
}

/// <summary>Morning stiffness longer than 30 minutes: inflammatory arthritis rather than an overuse injury.</summary>
public sealed class InflammatoryStiffnessRule : RedFlagRule
{
    public const int Minutes = 30;

    public override string Code => "red-flag.inflammatory-stiffness";
    public override TriageLevel Level => TriageLevel.Soon;
    public override string Basis => "inflammatory-arthritis";
    protected override string Reason => $"Morning stiffness longer than {Minutes} minutes: inflammatory arthritis should be considered.";
    protected override bool InPerson => false;

    protected override IReadOnlyList<string>? FiredBy(HipIntakeAnswers answers, TriageContext context) =>
        answers.MorningStiffnessMinutes > Minutes ? [$"morning stiffness {answers.MorningStiffnessMinutes} minutes"] : null;
}
