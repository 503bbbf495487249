using System.ComponentModel.DataAnnotations;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Reminders;
using Microsoft.Extensions.Configuration;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>The background dispatcher of outbox rows and webhook deliveries (<c>Outbox:*</c>) and the reminder lead times (<c>Reminders:LeadTimes</c>).</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "Outbox";

    /// <summary>Whether this instance runs a dispatcher (several may share a database).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often to look for due work when nothing committed here has signalled it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Outbox:PollInterval must be between {1} and {2}.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the dispatcher lets commits gather before it claims: one claim for a burst, not one per commit.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Outbox:BatchWindow must be between {1} and {2}.")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a claimed row is this instance's alone; another instance takes it over only after that.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Outbox:LeaseDuration must be between {1} and {2}.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many outbox rows (events, reminders) one claim takes.</summary>
    [Range(1, 10_000, ErrorMessage = "Outbox:BatchSize must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Webhook deliveries claimed at a time: few, because each may take its whole timeout and the claim must not
    /// outlive its lease.
    /// </summary>
    [Range(1, 1_000, ErrorMessage = "Outbox:DeliveryBatchSize must be between {1} and {2}.")]
    public int DeliveryBatchSize { get; set; } = 20;

    /// <summary>How many deliveries are sent at once.</summary>
    [Range(1, 256, ErrorMessage = "Outbox:MaxParallelDeliveries must be between {1} and {2}.")]
    public int MaxParallelDeliveries { get; set; } = 4;

    /// <summary>The spread (0 to 1) of each retry delay.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Outbox:RetryJitter must be between {1} and {2}.")]
    public double RetryJitter { get; set; } = 0.2;

    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = RetrySchedule.DefaultDelays;

    public IReadOnlyList<TimeSpan> ReminderLeadTimes { get; set; } = ReminderSchedule.DefaultLeadTimes;

    /// <summary>How long an Urgent or Emergency intake form may wait for a clinician before staff are alerted (<c>Intake:UrgentReviewWithin</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Intake:UrgentReviewWithin must be a positive time span (at most {2}), e.g. 04:00:00.")]
    public TimeSpan UrgentIntakeReviewWithin { get; set; } = DefaultUrgentIntakeReviewWithin;

    public static readonly TimeSpan DefaultUrgentIntakeReviewWithin = TimeSpan.FromHours(4);

    public RetrySchedule RetrySchedule => new(RetryDelays, RetryJitter);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryDelays.Count == 0 || RetryDelays.Any(d => d <= TimeSpan.Zero))
        {
            yield return new ValidationResult("Outbox:RetryDelays must list positive time spans.", [nameof(RetryDelays)]);
        }

        if (ReminderLeadTimes.Any(t => t <= TimeSpan.Zero))
        {
            yield return new ValidationResult("Reminders:LeadTimes must list positive time spans.", [nameof(ReminderLeadTimes)]);
        }
    }

    /// <summary>
    /// Reads the section, and the intake review and reminder settings the dispatcher acts on; lists replace the defaults
    /// rather than adding to them (the configuration binder would append).
    /// </summary>
    public void ReadFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var delays = section.GetSection(nameof(RetryDelays)).Get<TimeSpan[]>();
        var leadTimes = configuration.GetSection("Reminders:LeadTimes").Get<TimeSpan[]>();
        section.Bind(this);
        RetryDelays = delays is { Length: > 0 } ? delays : RetrySchedule.DefaultDelays;
        ReminderLeadTimes = leadTimes is { Length: > 0 } ? leadTimes : ReminderSchedule.DefaultLeadTimes;
        UrgentIntakeReviewWithin = configuration.GetValue("Intake:UrgentReviewWithin", DefaultUrgentIntakeReviewWithin);
    }
}
