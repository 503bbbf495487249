namespace ClinicHip.Domain.Scheduling;

/// <summary>What a booking is checked against besides the appointment itself.</summary>
/// <param name="Settings">The clinic's diary rules.</param>
/// <param name="ClinicianTimeOff">The clinician's time off around the requested time.</param>
/// <param name="NowUtc">The current time.</param>
/// <param name="ByPatient">Whether the patient books online (notice, horizon and online-bookable rules apply) rather than staff.</param>
public sealed record BookingContext(ClinicSettings Settings, IReadOnlyList<TimeOff> ClinicianTimeOff, DateTime NowUtc, bool ByPatient);
