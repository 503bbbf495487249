namespace ClinicHip.Domain.Scheduling;

/// <summary>What a booking is checked against besides the appointment itself.</summary>
/// <param name="Settings">The clinic's diary rules.</param>
/// <param name="ClinicianTimeOff">The clinician's time off around the requested time.</param>
/// <param name="NowUtc">The current time.</param>
/// <param name="ByPatient">Whether the patient books online (notice, horizon and online-bookable rules apply) rather than staff.</param>
/// <param name="InPersonAssessmentRequired">The patient's latest intake form says they must be seen in person.</param>
/// <param name="InPersonOverrideReason">Staff's recorded reason for booking telehealth all the same.</param>
public sealed record BookingContext(
    ClinicSettings Settings, IReadOnlyList<TimeOff> ClinicianTimeOff, DateTime NowUtc, bool ByPatient,
    bool InPersonAssessmentRequired = false, string? InPersonOverrideReason = null)
{
    /// <summary>The patient has an Emergency intake form that no clinician has reviewed yet.</summary>
    public bool EmergencyIntakeAwaitingReview { get; init; }
}
