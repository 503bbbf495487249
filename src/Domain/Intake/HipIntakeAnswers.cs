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

/// <summary>A patient's answers to the hip-pain intake form. Immutable: a correction is a new form.</summary>
public sealed record HipIntakeAnswers
{
    public const int FreeTextMaxLength = 2000;
    public const int MedicationsMaxLength = 500;

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

    public bool HurtsAt(PainLocation location) => PainLocations.Contains(location);

    /// <summary>Front of the hip or groin, or the inside of the thigh into the groin.</summary>
    public bool HasGroinPain => HurtsAt(PainLocation.FrontOfHipOrGroin) || HurtsAt(PainLocation.InsideOfThighOrGroin);

    public bool WorseWith(AggravatingFactor factor) => AggravatingFactors.Contains(factor);

    public bool Reports(MechanicalSymptom symptom) => MechanicalSymptoms.Contains(symptom);

    public bool Has(MedicalHistory item) => History.Contains(item);

    public bool Tried(TreatmentTried treatment) => TreatmentsTried.Contains(treatment);

    /// <summary>The patient says mileage went up, or their own figures show a rise of more than 10 % over four weeks.</summary>
    public bool MileageRose => PrecedingChanges.Contains(PrecedingChange.MileageIncrease) || Running.MileageRise > 0.10m;
}
