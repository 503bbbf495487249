using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Scheduling.Rules;

/// <summary>Diary durations are non-negative, the horizon at least a day, and slots sit on the booking grid.</summary>
public sealed class SettingsDurationsMustBeSensibleRule(
    TimeSpan minimumNotice, TimeSpan bookingHorizon, TimeSpan lateCancellationWindow,
    TimeSpan telehealthOpensBefore, TimeSpan telehealthClosesAfter, TimeSpan slotInterval) : IBusinessRule
{
    public string Code => "clinic.settings-invalid";

    public string Message =>
        "Notice, cancellation window and telehealth windows must be zero or more; the horizon at least one day and at most two years; " +
        $"the slot interval a positive multiple of {BookingGrid.CellMinutes} minutes, at most 4 hours.";

    public bool IsBroken() =>
        minimumNotice < TimeSpan.Zero || lateCancellationWindow < TimeSpan.Zero
        || telehealthOpensBefore < TimeSpan.Zero || telehealthClosesAfter < TimeSpan.Zero
        || bookingHorizon < TimeSpan.FromDays(1) || bookingHorizon > TimeSpan.FromDays(730)
        || slotInterval <= TimeSpan.Zero || slotInterval > TimeSpan.FromHours(4) || !BookingGrid.IsWholeCells(slotInterval);
}

public sealed class NoShowLimitMustBeSensibleRule(int? limit) : IBusinessRule
{
    public const int Max = 50;

    public string Code => "clinic.settings-invalid";

    public string Message => $"The no-show limit for online booking is between 1 and {Max}, or 0 to never pause online booking.";

    public bool IsBroken() => limit is < 1 or > Max;
}
