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

/// <summary>One open entry per patient for a type, mode and location in a window: a second would take a second slot for one need.</summary>
public sealed class WaitlistEntryMustNotDuplicateRule(WaitlistEntry entry, IEnumerable<WaitlistEntry> openEntries) : IBusinessRule
{
    public string Code => "waitlist.duplicate-entry";

    public string Message => "The patient already waits for this type at this location in an overlapping window. Change that entry instead.";

    public bool IsBroken() => openEntries.Any(entry.Duplicates);
}

/// <summary>A patient holds at most <see cref="WaitlistEntry.MaxOpenEntriesPerPatient"/> open entries, so one patient cannot crowd the list.</summary>
public sealed class PatientWaitlistEntriesMustStayWithinCapRule(int openEntries) : IBusinessRule
{
    public string Code => "waitlist.too-many-entries";

    public string Message =>
        $"The patient already has {WaitlistEntry.MaxOpenEntriesPerPatient} open waitlist entries. Withdraw or change one first.";

    public bool IsBroken() => openEntries >= WaitlistEntry.MaxOpenEntriesPerPatient;
}
