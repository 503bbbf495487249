using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling;

public readonly record struct TimeOffId(Guid Value)
{
    public static TimeOffId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>A period a clinician is away (leave, training, a conference); nothing is booked in it.</summary>
public sealed class TimeOff : AuditableEntity
{
    public const int ReasonMaxLength = 200;

    /// <summary>The longest a single period of time off may last; also bounds overlap queries.</summary>
    public static readonly TimeSpan LongestSpan = TimeSpan.FromDays(366);

    private TimeOff()
    {
    }

    public TimeOffId Id { get; private set; }

    public ClinicianId ClinicianId { get; private set; }

    public DateTime StartUtc { get; private set; }

    public DateTime EndUtc { get; private set; }

    public string? Reason { get; private set; }

    public static TimeOff Schedule(ClinicianId clinicianId, DateTime startUtc, DateTime endUtc, string? reason)
    {
        if (endUtc <= startUtc || endUtc - startUtc > LongestSpan)
        {
            throw new ArgumentException("Time off ends after it starts, at most a year later.", nameof(endUtc));
        }

        return new TimeOff { Id = TimeOffId.New(), ClinicianId = clinicianId, StartUtc = startUtc, EndUtc = endUtc, Reason = reason?.Trim() };
    }

    /// <summary>The time off is called off: its time is bookable again (the caller deletes it in the same save).</summary>
    public void Withdraw(DateTime nowUtc) => Raise(new DiaryTimeFreed(ClinicianId, StartUtc, EndUtc, nowUtc));

    public bool Overlaps(DateTime startUtc, DateTime endUtc) => StartUtc < endUtc && startUtc < EndUtc;
}
