using ClinicHip.Domain.Locations;

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

    /// <summary>The clinic's locations: where working hours are and on whose clock.</summary>
    public required ClinicLocations Locations { get; init; }

    /// <summary>
    /// Where the caller asked for an in-person appointment; when null it is wherever the clinician works at that time
    /// (a clinician is at one location at a time).
    /// </summary>
    public LocationId? RequestedLocationId { get; init; }

    /// <summary>The patient's no-shows in the last 12 months (<see cref="NoShowHistory"/>).</summary>
    public int RecentNoShows { get; init; }
}
