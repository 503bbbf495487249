using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling.Rules;

namespace ClinicHip.Domain.Scheduling;

/// <summary>The clinic's diary rules. There is one row; <see cref="Default"/> is what a new clinic starts with.</summary>
public sealed class ClinicSettings : AuditableEntity
{
    public const int SingletonId = 1;

    private ClinicSettings()
    {
        TimeZoneId = null!;
        DefaultPhoneRegion = null!;
    }

    public int Id { get; private set; }

    /// <summary>IANA time zone the diary is kept in; appointments are stored in UTC.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>How far ahead of the start a patient may book online.</summary>
    public TimeSpan MinimumNoticeForPatients { get; private set; }

    /// <summary>How far into the future a patient may book online.</summary>
    public TimeSpan BookingHorizon { get; private set; }

    /// <summary>A cancellation closer than this to the start is late.</summary>
    public TimeSpan LateCancellationWindow { get; private set; }

    public TimeSpan TelehealthOpensBeforeStart { get; private set; }

    public TimeSpan TelehealthClosesAfterEnd { get; private set; }

    /// <summary>Offered slots start this far apart (a multiple of the booking grid).</summary>
    public TimeSpan SlotInterval { get; private set; }

    /// <summary>ISO 3166 region phone numbers without a country code are read in, e.g. AU ("0412 345 678" is +61412345678).</summary>
    public string DefaultPhoneRegion { get; private set; }

    /// <summary>
    /// After this many no-shows in the last 12 months a patient books by phone, not online; null when online booking is
    /// never paused (the default).
    /// </summary>
    public int? OnlineBookingNoShowLimit { get; private set; }

    /// <summary>Changes each time the settings are saved; the ETag of the settings.</summary>
    public Guid Version { get; private set; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static ClinicSettings Default() => new()
    {
        Id = SingletonId,
        TimeZoneId = "Australia/Brisbane",
        MinimumNoticeForPatients = TimeSpan.FromHours(2),
        BookingHorizon = TimeSpan.FromDays(90),
        LateCancellationWindow = TimeSpan.FromHours(24),
        TelehealthOpensBeforeStart = TimeSpan.FromMinutes(15),
        TelehealthClosesAfterEnd = TimeSpan.FromMinutes(30),
        SlotInterval = TimeSpan.FromMinutes(15),
        DefaultPhoneRegion = "AU",
        Version = Guid.NewGuid(),
    };

    public void Change(
        string timeZoneId, TimeSpan minimumNotice, TimeSpan bookingHorizon, TimeSpan lateCancellationWindow,
        TimeSpan telehealthOpensBefore, TimeSpan telehealthClosesAfter, TimeSpan slotInterval)
    {
        CheckRule(new TimeZoneMustBeKnownRule(timeZoneId));
        CheckRule(new SettingsDurationsMustBeSensibleRule(minimumNotice, bookingHorizon, lateCancellationWindow, telehealthOpensBefore, telehealthClosesAfter, slotInterval));
        TimeZoneId = timeZoneId;
        MinimumNoticeForPatients = minimumNotice;
        BookingHorizon = bookingHorizon;
        LateCancellationWindow = lateCancellationWindow;
        TelehealthOpensBeforeStart = telehealthOpensBefore;
        TelehealthClosesAfterEnd = telehealthClosesAfter;
        SlotInterval = slotInterval;
        Version = Guid.NewGuid();
    }

    /// <summary>Pauses online booking after <paramref name="limit"/> no-shows in 12 months; null never pauses it.</summary>
    public void ChangeOnlineBookingNoShowLimit(int? limit)
    {
        CheckRule(new NoShowLimitMustBeSensibleRule(limit));
        if (limit != OnlineBookingNoShowLimit)
        {
            OnlineBookingNoShowLimit = limit;
            Version = Guid.NewGuid();
        }
    }

    /// <summary>Sets the region phone numbers without a country code are read in; the caller checks it is one the phone library knows.</summary>
    public void ChangeDefaultPhoneRegion(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (region != DefaultPhoneRegion)
        {
            DefaultPhoneRegion = region;
            Version = Guid.NewGuid();
        }
    }
}
