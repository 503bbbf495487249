using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.Clinicians;

/// <summary>A period a clinician is away.</summary>
/// <param name="Id">The time-off id.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="Reason">e.g. Conference.</param>
public sealed record TimeOffDto(Guid Id, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, string? Reason)
{
    public static TimeOffDto From(TimeOff t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id.Value, t.ClinicianId.Value, new DateTimeOffset(t.StartUtc), new DateTimeOffset(t.EndUtc), t.Reason);
    }
}
