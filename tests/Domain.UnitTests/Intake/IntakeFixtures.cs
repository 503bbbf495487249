using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.UnitTests.Intake;

/// <summary>A runner with mild outside-of-hip pain and nothing else of note: each vignette changes what it needs.</summary>
internal static class IntakeFixtures
{
    /// <summary>The day the vignettes are triaged on: eight weeks after the baseline's pain began.</summary>
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static HipIntakeAnswers Baseline() => new()
    {
        Side = Side.Right,
        PainLocations = [PainLocation.OutsideOfHip],
        Onset = Onset.Gradual,
        StartedOn = new DateOnly(2026, 10, 1),
        PrecedingChanges = [PrecedingChange.None],
        Pain = new PainScores(AtRest: 1, DuringRun: 3, AfterRun: 3, AtNight: 1),
        AggravatingFactors = [],
        MechanicalSymptoms = [],
        AbleToBearWeight = true,
        Swelling = false,
        PainSpreading = false,
        SystemicSymptoms = [],
        History = [],
        TreatmentsTried = [TreatmentTried.None],
        Running = new RunningProfile(CurrentWeeklyKm: 30, WeeklyKmFourWeeksAgo: 30, RunsPerWeek: 4, YearsRunning: 5, NextRace: null, NextRaceDate: null),
    };

    public static HipIntakeAnswers Groin(this HipIntakeAnswers a) => a with { PainLocations = [PainLocation.FrontOfHipOrGroin] };

    public static HipIntakeAnswers At(this HipIntakeAnswers a, params PainLocation[] locations) => a with { PainLocations = locations };

    public static HipIntakeAnswers Worse(this HipIntakeAnswers a, params AggravatingFactor[] factors) => a with { AggravatingFactors = factors };

    public static HipIntakeAnswers After(this HipIntakeAnswers a, params PrecedingChange[] changes) => a with { PrecedingChanges = changes };

    public static HipIntakeAnswers With(this HipIntakeAnswers a, params MechanicalSymptom[] symptoms) => a with { MechanicalSymptoms = symptoms };

    public static HipIntakeAnswers History(this HipIntakeAnswers a, params MedicalHistory[] history) => a with { History = history };

    public static HipIntakeAnswers Pain(this HipIntakeAnswers a, int atRest = 1, int duringRun = 3, int afterRun = 3, int atNight = 1) =>
        a with { Pain = new PainScores(atRest, duringRun, afterRun, atNight) };

    public static HipIntakeAnswers MileageUp(this HipIntakeAnswers a, decimal from, decimal to) =>
        a with { Running = a.Running with { WeeklyKmFourWeeksAgo = from, CurrentWeeklyKm = to } };

    public static HipIntakeAnswers Neuro(this HipIntakeAnswers a, params NeurologicalSymptom[] symptoms) => a with { NeurologicalSymptoms = symptoms };

    public static HipIntakeAnswers Systemic(this HipIntakeAnswers a, params SystemicSymptom[] symptoms) => a with { SystemicSymptoms = symptoms };

    public static HipIntakeAnswers Female(this HipIntakeAnswers a, MenstrualStatus? status) => a with { Sex = Sex.Female, MenstrualStatus = status };

    public static HipIntakeAnswers Fell(this HipIntakeAnswers a, bool canBearWeight) =>
        a with { PrecedingChanges = [PrecedingChange.FallOrDirectBlow], Onset = Onset.Sudden, AbleToBearWeight = canBearWeight };

    public static HipIntakeAnswers Male(this HipIntakeAnswers a) => a with { Sex = Sex.Male };

    /// <summary>The pain began <paramref name="daysAgo"/> days before <see cref="Today"/>.</summary>
    public static HipIntakeAnswers Began(this HipIntakeAnswers a, int daysAgo, Onset onset) => a with { StartedOn = Today.AddDays(-daysAgo), Onset = onset };

    public static HipIntakeAnswers Numb(this HipIntakeAnswers a, params BurningOrNumbArea[] areas) => a with { BurningOrNumbness = areas };

    public static HipIntakeAnswers StartedWeeksAgo(this HipIntakeAnswers a, int weeks, PainTrend trend) =>
        a with { StartedOn = Today.AddDays(-7 * weeks), Trend = trend };
}
