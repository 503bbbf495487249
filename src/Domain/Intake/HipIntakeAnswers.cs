using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Intake;

/// <summary>Pain on the 0–10 numeric rating scale (NPRS).</summary>
public sealed record PainScores(int AtRest, int DuringRun, int AfterRun, int AtNight)
{
    public const int Max = 10;
}

/// <summary>The runner's training, as the patient reports it.</summary>
public sealed record RunningProfile(decimal CurrentWeeklyKm, decimal WeeklyKmFourWeeksAgo, int RunsPerWeek, int YearsRunning, string? NextRace, DateOnly? NextRaceDate)
{
    /// <summary>How much the weekly distance rose over four weeks, as a fraction (0.5 = 50 %); null when they were not running.</summary>
    public decimal? MileageRise => WeeklyKmFourWeeksAgo > 0 ? (CurrentWeeklyKm - WeeklyKmFourWeeksAgo) / WeeklyKmFourWeeksAgo : null;
}

/// <summary>
/// A patient's answers to the hip-pain intake form. Immutable: a correction is a new form. Version 1 forms were stored
/// before the screening questions (sex, menstrual status, nerve symptoms, limp, night sweats, stiffness, trend) were
/// asked: those members read back empty and their triage stays as stored. Version 3 added the deciding facts of the
/// wider differential (docs/clinical-basis.md#differential); each is asked only of those <see cref="IntakeQuestions"/>
/// says it applies to, and reads back empty on earlier forms.
/// </summary>
public sealed record HipIntakeAnswers
{
    public const int FreeTextMaxLength = 2000;
    public const int MedicationsMaxLength = 500;
    public const int CurrentFormVersion = 3;
    public const int MaxMorningStiffnessMinutes = 24 * 60;

    /// <summary>The range of a measured body temperature a person can report alive and awake.</summary>
    public const decimal MinTemperatureCelsius = 34.0m;
    public const decimal MaxTemperatureCelsius = 43.0m;

    /// <summary>Which questions the patient was asked; stamped when the form is submitted, 1 for forms stored before version 2.</summary>
    public int FormVersion { get; init; } = 1;

    public required Side Side { get; init; }

    public required IReadOnlyList<PainLocation> PainLocations { get; init; }

    public required Onset Onset { get; init; }

    public required DateOnly StartedOn { get; init; }

    public required IReadOnlyList<PrecedingChange> PrecedingChanges { get; init; }

    public required PainScores Pain { get; init; }

    public required IReadOnlyList<AggravatingFactor> AggravatingFactors { get; init; }

    public required IReadOnlyList<MechanicalSymptom> MechanicalSymptoms { get; init; }

    public required bool AbleToBearWeight { get; init; }

    /// <summary>Visible swelling or bruising around the hip.</summary>
    public required bool Swelling { get; init; }

    /// <summary>The pain has spread to other areas since it began.</summary>
    public required bool PainSpreading { get; init; }

    public required IReadOnlyList<SystemicSymptom> SystemicSymptoms { get; init; }

    public required IReadOnlyList<MedicalHistory> History { get; init; }

    public string? Medications { get; init; }

    public required IReadOnlyList<TreatmentTried> TreatmentsTried { get; init; }

    public required RunningProfile Running { get; init; }

    public string? FreeText { get; init; }

    /// <summary>Female, Male, Intersex or PreferNotToSay; null when not asked (version 1).</summary>
    public Sex? Sex { get; init; }

    /// <summary>Only for those who menstruate.</summary>
    public MenstrualStatus? MenstrualStatus { get; init; }

    /// <summary>Nerve symptoms: saddle numbness, a new bladder or bowel change, progressive weakness, numbness, pain in both legs.</summary>
    public IReadOnlyList<NeurologicalSymptom> NeurologicalSymptoms { get; init; } = [];

    /// <summary>Walks with a limp.</summary>
    public bool Limp { get; init; }

    /// <summary>Night sweats that soak the bedding.</summary>
    public bool NightSweats { get; init; }

    /// <summary>How long the hip is stiff on waking; null when not stiff or not asked.</summary>
    public int? MorningStiffnessMinutes { get; init; }

    /// <summary>Neither rest, a change of position nor medication eases the pain.</summary>
    public bool NothingEasesPain { get; init; }

    /// <summary>How the pain has gone since it began (with <see cref="StartedOn"/>, for the six-week rule).</summary>
    public PainTrend? Trend { get; init; }

    /// <summary>A pop or snap felt at the moment it began; asked only when it began suddenly (version 3).</summary>
    public bool? PopAtOnset { get; init; }

    /// <summary>Where burning pain or numbness is felt (version 3).</summary>
    public IReadOnlyList<BurningOrNumbArea> BurningOrNumbness { get; init; } = [];

    /// <summary>A lump in the groin; asked only with groin, pubic or lower-belly pain; null when none or not asked (version 3).</summary>
    public GroinLump? GroinLump { get; init; }

    /// <summary>A period is late or missed; asked only of those who could be pregnant (version 3).</summary>
    public bool? PeriodLateOrMissed { get; init; }

    /// <summary>The highest temperature measured, in °C, when known; asked only with a fever (version 3).</summary>
    public decimal? TemperatureCelsius { get; init; }

    /// <summary>The fever or feeling unwell began with the hip pain, not with another illness; asked only with either (version 3).</summary>
    public bool? FeverBeganWithHipPain { get; init; }

    /// <summary>Pain in a testicle or the scrotum; asked only of males and intersex people (version 3).</summary>
    public bool? TesticularPain { get; init; }

    /// <summary>Both hips and both shoulders ache and are stiff; asked only at 50 or over (version 3).</summary>
    public bool? ShouldersAndHipsStiff { get; init; }

    public bool HurtsAt(PainLocation location) => PainLocations.Contains(location);

    /// <summary>Front of the hip or groin, or the inside of the thigh into the groin.</summary>
    public bool HasGroinPain => HurtsAt(PainLocation.FrontOfHipOrGroin) || HurtsAt(PainLocation.InsideOfThighOrGroin);

    public bool WorseWith(AggravatingFactor factor) => AggravatingFactors.Contains(factor);

    public bool Reports(MechanicalSymptom symptom) => MechanicalSymptoms.Contains(symptom);

    public bool Has(MedicalHistory item) => History.Contains(item);

    public bool Reports(NeurologicalSymptom symptom) => NeurologicalSymptoms.Contains(symptom);

    public bool Reports(SystemicSymptom symptom) => SystemicSymptoms.Contains(symptom);

    public bool BeganAfter(PrecedingChange change) => PrecedingChanges.Contains(change);

    /// <summary>Hip, thigh or knee pain: where a slipped epiphysis or a fracture may be felt, the knee included.</summary>
    public bool HurtsAtHipThighOrKnee() =>
        PainLocations.Any(l => l is not (PainLocation.LowerBack or PainLocation.RadiatingDownLeg or PainLocation.LowerAbdomen or PainLocation.Flank));

    /// <summary>Groin, pubic or lower-belly pain: where a hernia or a pelvic cause is felt.</summary>
    public bool HasGroinOrLowerAbdominalPain => HasGroinPain || HurtsAt(PainLocation.PubicBone) || HurtsAt(PainLocation.LowerAbdomen);

    public bool Reports(BurningOrNumbArea area) => BurningOrNumbness.Contains(area);

    /// <summary>Numbness between the legs, from either question that asks about it.</summary>
    public bool HasSaddleNumbness => Reports(NeurologicalSymptom.SaddleNumbness) || Reports(BurningOrNumbArea.Saddle);

    /// <summary>Fever or feeling unwell that the patient does not put down to another illness: unasked counts as with the hip pain.</summary>
    public bool HasFeverOrUnwellWithHipPain() => HasFeverOrFeelsUnwell() && FeverBeganWithHipPain != false;

    /// <summary>Days between the pain beginning and <paramref name="today"/>.</summary>
    public int DaysSinceOnset(DateOnly today) => today.DayNumber - StartedOn.DayNumber;

    /// <summary>The worst of the pain at rest and at night.</summary>
    public int WorstRestOrNightPain => Math.Max(Pain.AtRest, Pain.AtNight);

    /// <summary>Fever or feeling unwell: the systemic signs of infection.</summary>
    public bool HasFeverOrFeelsUnwell() => Reports(SystemicSymptom.Fever) || Reports(SystemicSymptom.FeelingUnwell);

    /// <summary>Groin pain while running or on impact.</summary>
    public bool HasGroinPainOnRunning() => HasGroinPain && (Pain.DuringRun > 0 || WorseWith(AggravatingFactor.EveryWeightBearingStep) || WorseWith(AggravatingFactor.HoppingOrImpact));

    public bool Tried(TreatmentTried treatment) => TreatmentsTried.Contains(treatment);

    /// <summary>The patient says mileage went up, or their own figures show a rise of more than 10 % over four weeks.</summary>
    public bool MileageRose => PrecedingChanges.Contains(PrecedingChange.MileageIncrease) || Running.MileageRise > 0.10m;

    /// <summary>
    /// The patient's own figures break the 10 % rule compounded over the four weeks asked about (1.1⁴ = 1.4641): a
    /// measured spike, unlike "I ran more" (docs/clinical-basis.md#ten-percent-rule).
    /// </summary>
    public bool FiguresBreakTenPercentRule() => Running.MileageRise > 0.4641m;
}
