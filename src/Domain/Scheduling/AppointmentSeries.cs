using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;

namespace ClinicHip.Domain.Scheduling;

public readonly record struct AppointmentSeriesId(Guid Value)
{
    public static AppointmentSeriesId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A course of care booked in one go (e.g. six weekly physiotherapy sessions): the same patient, clinician, type and
/// mode on a repeating pattern. Its occurrences are ordinary <see cref="Appointment"/>s carrying its id, so every
/// booking rule and the diary cells apply to each of them exactly as to a single booking.
/// </summary>
public sealed class AppointmentSeries : AuditableEntity
{
    private AppointmentSeries()
    {
    }

    public AppointmentSeriesId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    public ClinicianId ClinicianId { get; private set; }

    public AppointmentTypeId AppointmentTypeId { get; private set; }

    public AppointmentMode Mode { get; private set; }

    /// <summary>The treatment plan the course carries out, if any.</summary>
    public TreatmentPlanId? TreatmentPlanId { get; private set; }

    /// <summary>The first occurrence's start as asked for; the others follow it in clinic-local time.</summary>
    public DateTime RequestedStartUtc { get; private set; }

    /// <summary>How many occurrences were asked for (some may not have been booked, with bookWhatFits).</summary>
    public int RequestedOccurrences { get; private set; }

    /// <summary>Days between occurrences; null for a weekly pattern.</summary>
    public int? EveryDays { get; private set; }

    /// <summary>A weekly pattern's weekdays, bit <c>1 &lt;&lt; (int)DayOfWeek</c> each; 0 for an every-N-days pattern.</summary>
    public int WeekdayMask { get; private set; }

    /// <summary>How far an occurrence may move from the asked time to the nearest free start.</summary>
    public int ToleranceMinutes { get; private set; }

    public SeriesPattern Pattern => SeriesPattern.FromStored(EveryDays, WeekdayMask);

    /// <summary>A merge of two records of one person moves the course, with its occurrences, to the surviving record.</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    /// <param name="patientId">Whose course.</param>
    /// <param name="clinician">Who sees the patient at every occurrence.</param>
    /// <param name="type">The appointment type of every occurrence.</param>
    /// <param name="mode">In person or telehealth, for every occurrence.</param>
    /// <param name="pattern">How it repeats.</param>
    /// <param name="occurrences">How many occurrences are asked for.</param>
    /// <param name="requestedStartUtc">The first occurrence's start as asked for.</param>
    /// <param name="tolerance">How far an occurrence may move to the nearest free start.</param>
    /// <param name="plan">The treatment plan the course carries out, which must be the patient's.</param>
    public static AppointmentSeries Create(
        PatientId patientId, Clinician clinician, AppointmentType type, AppointmentMode mode, SeriesPattern pattern, int occurrences,
        DateTime requestedStartUtc, TimeSpan tolerance, TreatmentPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(pattern);
        CheckRule(new SeriesMustHaveAnAllowedNumberOfOccurrencesRule(occurrences));
        CheckRule(new SeriesToleranceMustBeOnTheGridAndShortRule(tolerance));
        if (plan is not null)
        {
            CheckRule(new SeriesPlanMustBeThePatientsRule(patientId, plan.PatientId));
        }

        return new AppointmentSeries
        {
            Id = AppointmentSeriesId.New(),
            PatientId = patientId,
            ClinicianId = clinician.Id,
            AppointmentTypeId = type.Id,
            Mode = mode,
            TreatmentPlanId = plan?.Id,
            RequestedStartUtc = requestedStartUtc,
            RequestedOccurrences = occurrences,
            EveryDays = pattern.EveryDays,
            WeekdayMask = pattern.WeekdayMask,
            ToleranceMinutes = (int)tolerance.TotalMinutes,
        };
    }

    /// <summary>
    /// The asked-for start of each occurrence: the first start's clinic-local time of day on each date of the pattern,
    /// so a daylight-saving change moves no session on the wall clock.
    /// </summary>
    public static IReadOnlyList<DateTime> RequestedStarts(SeriesPattern pattern, DateTime firstStartUtc, int occurrences, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(firstStartUtc, DateTimeKind.Utc), zone);
        var timeOfDay = TimeOnly.FromDateTime(local);
        return [.. pattern.Dates(DateOnly.FromDateTime(local), occurrences).Select(d => ClinicTime.ToUtc(d.ToDateTime(timeOfDay), zone))];
    }
}
