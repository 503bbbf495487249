namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>
/// Counts the saves of this instance that changed anything availability is computed from (appointments, time off,
/// clinicians and their working hours, appointment types, clinic settings). Cached availability is keyed by it, so a
/// change made here is visible to the next request here; changes made by other instances by the cache's lifetime, or at
/// once where the database tells every instance (PostgreSQL's LISTEN/NOTIFY, in Infrastructure).
/// </summary>
public sealed class DiaryVersion
{
    private long current;

    public long Current => Interlocked.Read(ref current);

    public void Changed() => Interlocked.Increment(ref current);
}
