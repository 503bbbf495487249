using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad.Rules;

namespace ClinicHip.Domain.RunningLoad;

/// <summary>
/// One activity read from a runner's training file. Runs count towards the weekly running load; other sports are kept
/// (the clinician sees the cross-training) but never counted as running.
/// </summary>
public sealed class TrainingRun : AuditableEntity
{
    private TrainingRun()
    {
        Sport = null!;
    }

    public Guid Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>A merge of two records of one person moves this to the surviving record (<see cref="Patients.PatientMerge"/>).</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    public DateTime StartUtc { get; private set; }

    /// <summary>The day it started in the clinic's zone, which files it under its week.</summary>
    public DateOnly LocalDate { get; private set; }

    /// <summary>Monday of the week it counts towards.</summary>
    public DateOnly WeekStart { get; private set; }

    public string Sport { get; private set; }

    public bool IsRunning { get; private set; }

    public decimal DistanceKm { get; private set; }

    public int MovingSeconds { get; private set; }

    public int? ElevationGainMeters { get; private set; }

    public TrainingFileFormat Format { get; private set; }

    /// <summary>
    /// Files an activity read from a training file, in the week of its local start date; refuses one in the future or at a
    /// speed no person moves at (<see cref="RunMustNotBeInTheFutureRule"/>, <see cref="ActivitySpeedMustBePlausibleRule"/>).
    /// </summary>
    public static TrainingRun Record(PatientId patientId, RecordedActivity activity, TimeZoneInfo zone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(zone);
        CheckRule(new RunMustNotBeInTheFutureRule(activity, nowUtc));
        CheckRule(new ActivitySpeedMustBePlausibleRule(activity));
        var startUtc = DateTime.SpecifyKind(activity.StartUtc, DateTimeKind.Utc);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone));
        return new TrainingRun
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            StartUtc = startUtc,
            LocalDate = localDate,
            WeekStart = RunningLoadWeek.WeekStartOf(localDate),
            Sport = activity.Sport.Length > 40 ? activity.Sport[..40] : activity.Sport,
            IsRunning = activity.IsRunning,
            DistanceKm = Math.Round((decimal)activity.DistanceMeters / 1000m, 3),
            MovingSeconds = (int)Math.Round(activity.MovingSeconds),
            ElevationGainMeters = activity.ElevationGainMeters is { } gain ? (int)Math.Round(gain) : null,
            Format = activity.Format,
        };
    }

    public bool IsSameActivityAs(RecordedActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SameActivityRule.AreSame(StartUtc, (double)DistanceKm * 1000, activity.StartUtc, activity.DistanceMeters);
    }
}
