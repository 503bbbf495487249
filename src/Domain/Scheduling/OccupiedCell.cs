namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// One <see cref="BookingGrid"/> cell of a clinician's or a patient's diary held by an appointment. The store
/// keeps (owner, owner id, cell) unique, so a second booking of the same person at an overlapping time fails.
/// </summary>
public sealed record OccupiedCell(DiaryOwner Owner, Guid OwnerId, DateTime CellStartUtc);
