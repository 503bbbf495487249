namespace ClinicHip.Application.Scheduling.Settings;

/// <summary>
/// The clinic settings' durations, given in whole minutes or, until <see cref="FormerFormSunset"/>, in the former
/// .NET time span form (<c>90.00:00:00</c>) the first release of v1 used (CHANGELOG.md).
/// </summary>
public static class ClinicSettingsDurations
{
    /// <summary>After this date the time span members may be removed (docs/integration.md, Versioning and deprecation: at least six months' notice).</summary>
    public const string FormerFormSunset = "2027-06-01";

    /// <summary>The duration a request gives: its minutes, else its former form, else none.</summary>
    public static TimeSpan? Either(int? minutes, TimeSpan? former) => minutes is { } m ? TimeSpan.FromMinutes(m) : former;

    /// <summary>True when both forms are given and differ.</summary>
    public static bool Disagree(int? minutes, TimeSpan? former) => minutes is { } m && former is { } f && TimeSpan.FromMinutes(m) != f;

    /// <summary>True when the former form is a whole number of minutes (or absent), so it reads back unchanged.</summary>
    public static bool IsWholeMinutes(TimeSpan? former) => former is not { } f || f.Ticks % TimeSpan.TicksPerMinute == 0;
}
