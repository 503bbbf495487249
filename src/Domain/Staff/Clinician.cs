using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Scheduling.Rules;

namespace ClinicHip.Domain.Staff;

/// <summary>The clinical profile of a member of staff: who patients see and book.</summary>
public sealed class Clinician : AuditableEntity
{
    public const int DisplayNameMaxLength = 120;
    public const int ProviderNumberMaxLength = 20;

    private readonly List<WorkingInterval> workingHours = [];

    private Clinician()
    {
        DisplayName = null!;
    }

    internal Clinician(ClinicianId id, StaffMemberId staffMemberId, string displayName, Profession profession)
    {
        Id = id;
        StaffMemberId = staffMemberId;
        DisplayName = displayName;
        Profession = profession;
        IsBookable = true;
    }

    public ClinicianId Id { get; private set; }

    public StaffMemberId StaffMemberId { get; private set; }

    public string DisplayName { get; private set; }

    public Profession Profession { get; private set; }

    /// <summary>The practitioner's provider number (e.g. a Medicare provider number), printed on the invoices for their services.</summary>
    public string? ProviderNumber { get; private set; }

    /// <summary>Whether patients and the front desk can book this clinician.</summary>
    public bool IsBookable { get; private set; }

    /// <summary>The weekly template of working intervals, each at a location and in its wall-clock time.</summary>
    public IReadOnlyList<WorkingInterval> WorkingHours => workingHours;

    /// <summary>Changes each time the working hours are saved; their ETag.</summary>
    public Guid WorkingHoursVersion { get; private set; }

    /// <summary>
    /// The hash of the token in the clinician's calendar feed address, or null when no feed is published. The token itself
    /// is shown once, when the feed is published or its address rotated.
    /// </summary>
    public string? CalendarFeedTokenHash { get; private set; }

    public DateTime? CalendarFeedPublishedAtUtc { get; private set; }

    /// <summary>Records the provider number invoices show; null or blank removes it.</summary>
    public void ChangeProviderNumber(string? providerNumber)
    {
        var number = string.IsNullOrWhiteSpace(providerNumber) ? null : providerNumber.Trim();
        if (number?.Length > ProviderNumberMaxLength)
        {
            throw new ArgumentException($"A provider number is at most {ProviderNumberMaxLength} characters.", nameof(providerNumber));
        }

        ProviderNumber = number;
    }

    /// <summary>Publishes the calendar feed under a new token; an earlier address stops working.</summary>
    public void PublishCalendarFeed(string tokenHash, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        CalendarFeedTokenHash = tokenHash;
        CalendarFeedPublishedAtUtc = nowUtc;
    }

    /// <summary>Withdraws the calendar feed: its address stops working.</summary>
    public void WithdrawCalendarFeed()
    {
        CalendarFeedTokenHash = null;
        CalendarFeedPublishedAtUtc = null;
    }

    /// <summary>
    /// Replaces the weekly template. Intervals of one day at one location may not overlap, and the clinician is never at
    /// two locations at once from <paramref name="today"/> on.
    /// </summary>
    public void SetWorkingHours(IEnumerable<WorkingInterval> intervals, ClinicLocations locations, DateOnly today)
    {
        var template = intervals.OrderBy(i => i.Day).ThenBy(i => i.Start).ToList();
        CheckRule(new WorkingHoursMustNotOverlapRule(template));
        CheckRule(new WorkingHoursMustBeAtOpenLocationsRule(template, locations));
        CheckRule(new ClinicianCannotBeInTwoLocationsAtOnceRule(template, locations, today));
        workingHours.Clear();
        workingHours.AddRange(template);
        WorkingHoursVersion = Guid.NewGuid();
    }

    /// <summary>The working interval that holds all of [start, end) on its location's local day, or null when the clinician is not working then.</summary>
    public WorkingInterval? WorkplaceAt(DateTime startUtc, DateTime endUtc, ClinicLocations locations) =>
        workingHours.FirstOrDefault(i => i.OnDayOf(startUtc, locations) is { } span && span.StartUtc <= startUtc && endUtc <= span.EndUtc);

    /// <summary>The working hours changed: any of [from, to) may have opened up, so the waitlist is offered what is free in it.</summary>
    public void AnnounceHoursMayHaveOpened(DateTime fromUtc, DateTime toUtc, DateTime nowUtc) => Raise(new DiaryTimeFreed(Id, fromUtc, toUtc, nowUtc));
}
