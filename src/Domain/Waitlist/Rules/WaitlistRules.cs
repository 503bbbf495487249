using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Waitlist.Rules;

/// <summary>A waitlist window runs forwards, has not already ended, and spans at most <see cref="WaitlistEntry.LongestWindow"/>.</summary>
public sealed class WaitlistWindowMustBeAheadAndBoundedRule(DateOnly fromDate, DateOnly toDate, DateTime expiresAtUtc, DateTime nowUtc) : IBusinessRule
{
    public string Code => "waitlist.window-invalid";

    public string Message =>
        $"The window runs from a day to the same or a later day, has not ended yet, and spans at most {WaitlistEntry.LongestWindow.TotalDays:0} days.";

    public bool IsBroken() =>
        toDate < fromDate || expiresAtUtc <= nowUtc || toDate.DayNumber - fromDate.DayNumber + 1 > WaitlistEntry.LongestWindow.TotalDays;
}
