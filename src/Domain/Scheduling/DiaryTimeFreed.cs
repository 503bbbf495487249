using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// A clinician's time became bookable again (a cancellation, a reschedule away from it, a released waitlist hold, time off
/// withdrawn, new working hours), so the waitlist may be offered what is free in it. Ids and times only.
/// </summary>
/// <param name="ClinicianId">Whose diary.</param>
/// <param name="FromUtc">Start of the time that may now be free.</param>
/// <param name="ToUtc">End of it.</param>
/// <param name="OccurredAtUtc">When it was freed.</param>
public sealed record DiaryTimeFreed(ClinicianId ClinicianId, DateTime FromUtc, DateTime ToUtc, DateTime OccurredAtUtc) : IDomainEvent;
