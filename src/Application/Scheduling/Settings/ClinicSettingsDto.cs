using ClinicHip.Application.Common.Models;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.Settings;

/// <summary>The clinic's diary rules. Durations are whole minutes, as everywhere in the API.</summary>
/// <param name="TimeZone">IANA time zone of the diary, e.g. Australia/Brisbane.</param>
/// <param name="MinimumNoticeForPatientsMinutes">How far ahead patients must book online, in minutes.</param>
/// <param name="BookingHorizonMinutes">How far ahead patients may book online, in minutes (129600 is 90 days).</param>
/// <param name="LateCancellationWindowMinutes">Cancellations closer than this to the start are late, in minutes.</param>
/// <param name="TelehealthOpensBeforeStartMinutes">When the video room opens, in minutes before the start.</param>
/// <param name="TelehealthClosesAfterEndMinutes">When the video room closes, in minutes after the end.</param>
/// <param name="SlotIntervalMinutes">How many minutes apart offered slots start (a multiple of 5).</param>
/// <param name="Version">Send it back as If-Match when you change the settings.</param>
/// <param name="DefaultPhoneRegion">ISO 3166 region phone numbers without a country code are read in, e.g. AU.</param>
/// <param name="OnlineBookingNoShowLimit">After this many no-shows in 12 months a patient books by phone, not online; null: never.</param>
public sealed record ClinicSettingsDto(
    string TimeZone, int MinimumNoticeForPatientsMinutes, int BookingHorizonMinutes, int LateCancellationWindowMinutes,
    int TelehealthOpensBeforeStartMinutes, int TelehealthClosesAfterEndMinutes, int SlotIntervalMinutes, Guid Version, string DefaultPhoneRegion,
    int? OnlineBookingNoShowLimit)
{
    /// <summary>Deprecated (sunset 2027-06-01): use <c>minimumNoticeForPatientsMinutes</c>. The same duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("minimumNoticeForPatientsMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan MinimumNoticeForPatients => TimeSpan.FromMinutes(MinimumNoticeForPatientsMinutes);

    /// <summary>Deprecated (sunset 2027-06-01): use <c>bookingHorizonMinutes</c>. The same duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("bookingHorizonMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan BookingHorizon => TimeSpan.FromMinutes(BookingHorizonMinutes);

    /// <summary>Deprecated (sunset 2027-06-01): use <c>lateCancellationWindowMinutes</c>. The same duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("lateCancellationWindowMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan LateCancellationWindow => TimeSpan.FromMinutes(LateCancellationWindowMinutes);

    /// <summary>Deprecated (sunset 2027-06-01): use <c>telehealthOpensBeforeStartMinutes</c>. The same duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("telehealthOpensBeforeStartMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan TelehealthOpensBeforeStart => TimeSpan.FromMinutes(TelehealthOpensBeforeStartMinutes);

    /// <summary>Deprecated (sunset 2027-06-01): use <c>telehealthClosesAfterEndMinutes</c>. The same duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("telehealthClosesAfterEndMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan TelehealthClosesAfterEnd => TimeSpan.FromMinutes(TelehealthClosesAfterEndMinutes);

    /// <summary>Deprecated (sunset 2027-06-01): use <c>slotIntervalMinutes</c>. The same duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("slotIntervalMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan SlotInterval => TimeSpan.FromMinutes(SlotIntervalMinutes);

    public static ClinicSettingsDto From(ClinicSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.TimeZoneId, Minutes(s.MinimumNoticeForPatients), Minutes(s.BookingHorizon), Minutes(s.LateCancellationWindow),
            Minutes(s.TelehealthOpensBeforeStart), Minutes(s.TelehealthClosesAfterEnd), Minutes(s.SlotInterval), s.Version, s.DefaultPhoneRegion, s.OnlineBookingNoShowLimit);
    }

    private static int Minutes(TimeSpan duration) => (int)duration.TotalMinutes;
}
