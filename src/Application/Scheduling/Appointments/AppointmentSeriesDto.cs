using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>A course of appointments booked in one go, with its occurrences.</summary>
/// <param name="Id">The series id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="ClinicianId">The clinician of every occurrence.</param>
/// <param name="AppointmentTypeId">The type of every occurrence.</param>
/// <param name="Mode">InPerson or Telehealth, for every occurrence.</param>
/// <param name="TreatmentPlanId">The treatment plan the course carries out, if linked.</param>
/// <param name="Repeat">How it repeats.</param>
/// <param name="RequestedOccurrences">How many occurrences were asked for.</param>
/// <param name="ToleranceMinutes">How far an occurrence could move from the asked time.</param>
/// <param name="Appointments">The booked occurrences by start, whatever their status now.</param>
/// <param name="NotBooked">In the answer to a booking with bookWhatFits: the occurrences that could not be booked, each with the nearest free starts. Empty when read back.</param>
public sealed record AppointmentSeriesDto(
    Guid Id, Guid PatientId, Guid ClinicianId, Guid AppointmentTypeId, AppointmentMode Mode, Guid? TreatmentPlanId, SeriesRepeat Repeat,
    int RequestedOccurrences, int ToleranceMinutes, IReadOnlyList<AppointmentDto> Appointments, IReadOnlyList<UnbookedOccurrenceDto> NotBooked);

/// <summary>How a series repeats: give exactly one of the two.</summary>
/// <param name="EveryDays">Every N days (1–365), e.g. 7 for weekly on the first start's weekday.</param>
/// <param name="Weekdays">Weekly on these weekdays, e.g. ["Monday", "Thursday"]: the first start's date and the dates after it that fall on them.</param>
public sealed record SeriesRepeat(int? EveryDays, IReadOnlyList<DayOfWeek>? Weekdays)
{
    public static SeriesRepeat Of(SeriesPattern pattern) => new(pattern.EveryDays, pattern.EveryDays is null ? pattern.Weekdays : null);

    public SeriesPattern ToPattern() => EveryDays is { } days ? SeriesPattern.Every(days) : SeriesPattern.WeeklyOn(Weekdays ?? []);
}

/// <summary>An occurrence of a series that cannot be booked as asked.</summary>
/// <param name="Index">Its position in the series, from 1.</param>
/// <param name="RequestedStart">The start the pattern asked for (UTC).</param>
/// <param name="Code">Why: appointment.slot-conflict, or the booking rule the time breaks (appointment.outside-working-hours, appointment.in-time-off, appointment.beyond-horizon, …).</param>
/// <param name="Reason">The same in plain words.</param>
/// <param name="Alternatives">The nearest free starts for the same clinician and type (up to 3, within 3 days), nearest first.</param>
public sealed record UnbookedOccurrenceDto(int Index, DateTimeOffset RequestedStart, string Code, string Reason, IReadOnlyList<DateTimeOffset> Alternatives)
{
    public static UnbookedOccurrenceDto Of(PlannedOccurrence occurrence) => new(
        occurrence.Index, new DateTimeOffset(occurrence.RequestedStartUtc), occurrence.BrokenRule?.Code ?? "appointment.slot-conflict",
        occurrence.BrokenRule?.Message ?? "The time is taken.", [.. occurrence.Alternatives.Select(a => new DateTimeOffset(a))]);
}
