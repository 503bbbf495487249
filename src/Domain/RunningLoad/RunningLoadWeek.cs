using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.RunningLoad;

/// <summary>Where a week's figures came from.</summary>
public enum RunningLoadSource
{
    Intake,
    Patient,
    Clinician,

    /// <summary>Runs read from the runner's training files (never stored on a typed week).</summary>
    TrainingFiles,
}

/// <summary>One week of a runner's training (weeks start on Monday).</summary>
public sealed class RunningLoadWeek : AuditableEntity
{
    public const decimal MaxWeeklyKm = 500m;

    private RunningLoadWeek()
    {
    }

    public Guid Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>A merge of two records of one person moves this to the surviving record (<see cref="Patients.PatientMerge"/>).</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    public DateOnly WeekStart { get; private set; }

    public decimal DistanceKm { get; private set; }

    public int Runs { get; private set; }

    public decimal? LongestRunKm { get; private set; }

    public RunningLoadSource Source { get; private set; }

    public static DateOnly WeekStartOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static RunningLoadWeek Record(PatientId patientId, DateOnly anyDayOfWeek, decimal distanceKm, int runs, decimal? longestRunKm, RunningLoadSource source)
    {
        var week = new RunningLoadWeek { Id = Guid.CreateVersion7(), PatientId = patientId, WeekStart = WeekStartOf(anyDayOfWeek) };
        week.Change(distanceKm, runs, longestRunKm, source);
        return week;
    }

    /// <summary>Replaces the week's figures (a correction).</summary>
    public void Change(decimal distanceKm, int runs, decimal? longestRunKm, RunningLoadSource source)
    {
        if (distanceKm < 0 || distanceKm > MaxWeeklyKm || runs < 0 || longestRunKm < 0 || longestRunKm > distanceKm)
        {
            throw new ArgumentException("Distances are 0 to 500 km, and the longest run is no longer than the week.");
        }

        DistanceKm = distanceKm;
        Runs = runs;
        LongestRunKm = longestRunKm;
        Source = source;
    }
}
