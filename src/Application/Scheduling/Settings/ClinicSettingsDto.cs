using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.Settings;

/// <summary>The clinic's diary rules. Durations are ISO-style <c>d.hh:mm:ss</c> strings, e.g. <c>02:00:00</c> or <c>90.00:00:00</c>.</summary>
/// <param name="TimeZone">IANA time zone of the diary, e.g. Australia/Brisbane.</param>
/// <param name="MinimumNoticeForPatients">How far ahead patients must book online.</param>
/// <param name="BookingHorizon">How far ahead patients may book online.</param>
/// <param name="LateCancellationWindow">Cancellations closer than this to the start are late.</param>
/// <param name="TelehealthOpensBeforeStart">When the video room opens, before the start.</param>
/// <param name="TelehealthClosesAfterEnd">When the video room closes, after the end.</param>
/// <param name="SlotInterval">How far apart offered slots start (a multiple of 5 minutes).</param>
/// <param name="Version">Send it back as If-Match when you change the settings.</param>
/// <param name="DefaultPhoneRegion">ISO 3166 region phone numbers without a country code are read in, e.g. AU.</param>
/// <param name="OnlineBookingNoShowLimit">After this many no-shows in 12 months a patient books by phone, not online; null: never.</param>
public sealed record ClinicSettingsDto(
    string TimeZone, TimeSpan MinimumNoticeForPatients, TimeSpan BookingHorizon, TimeSpan LateCancellationWindow,
    TimeSpan TelehealthOpensBeforeStart, TimeSpan TelehealthClosesAfterEnd, TimeSpan SlotInterval, Guid Version, string DefaultPhoneRegion,
    int? OnlineBookingNoShowLimit)
{
    public static ClinicSettingsDto From(ClinicSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.TimeZoneId, s.MinimumNoticeForPatients, s.BookingHorizon, s.LateCancellationWindow,
            s.TelehealthOpensBeforeStart, s.TelehealthClosesAfterEnd, s.SlotInterval, s.Version, s.DefaultPhoneRegion, s.OnlineBookingNoShowLimit);
    }
}
