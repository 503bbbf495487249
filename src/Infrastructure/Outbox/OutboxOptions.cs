using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Reminders;
using Microsoft.Extensions.Configuration;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>The background dispatcher of outbox rows and webhook deliveries (<c>Outbox:*</c>) and the reminder lead times (<c>Reminders:LeadTimes</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Whether this instance runs a dispatcher (several may share a database).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often to look for due work when nothing committed here has signalled it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the dispatcher lets commits gather before it claims: one claim for a burst, not one per commit.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a claimed row is this instance's alone; another instance takes it over only after that.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many outbox rows (events, reminders) one claim takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Webhook deliveries claimed at a time: few, because each may take its whole timeout and the claim must not
    /// outlive its lease.
    /// </summary>
    public int DeliveryBatchSize { get; set; } = 20;

    /// <summary>How many deliveries are sent at once.</summary>
    public int MaxParallelDeliveries { get; set; } = 4;

    /// <summary>The spread (0 to 1) of each retry delay.</summary>
    public double RetryJitter { get; set; } = 0.2;

    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = RetrySchedule.DefaultDelays;

    public IReadOnlyList<TimeSpan> ReminderLeadTimes { get; set; } = ReminderSchedule.DefaultLeadTimes;

    /// <summary>How long an Urgent or Emergency intake form may wait for a clinician before staff are alerted (<c>Intake:UrgentReviewWithin</c>).</summary>
    public TimeSpan UrgentIntakeReviewWithin { get; set; } = DefaultUrgentIntakeReviewWithin;

    public static readonly TimeSpan DefaultUrgentIntakeReviewWithin = TimeSpan.FromHours(4);

    public RetrySchedule RetrySchedule => new(RetryDelays, RetryJitter);

    /// <summary>Reads the section; lists replace the defaults rather than adding to them.</summary>
    public static OutboxOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var options = new OutboxOptions
        {
            DispatcherEnabled = section.GetValue(nameof(DispatcherEnabled), true),
            PollInterval = section.GetValue(nameof(PollInterval), TimeSpan.FromSeconds(1)),
            BatchWindow = section.GetValue(nameof(BatchWindow), TimeSpan.FromMilliseconds(200)),
            LeaseDuration = section.GetValue(nameof(LeaseDuration), TimeSpan.FromMinutes(2)),
            BatchSize = Math.Max(1, section.GetValue(nameof(BatchSize), 100)),
            DeliveryBatchSize = Math.Max(1, section.GetValue(nameof(DeliveryBatchSize), 20)),
            MaxParallelDeliveries = Math.Max(1, section.GetValue(nameof(MaxParallelDeliveries), 4)),
            RetryJitter = section.GetValue(nameof(RetryJitter), 0.2),
        };
        if (section.GetSection(nameof(RetryDelays)).Get<TimeSpan[]>() is { Length: > 0 } delays)
        {
            options.RetryDelays = delays;
        }

        options.UrgentIntakeReviewWithin = configuration.GetValue("Intake:UrgentReviewWithin", DefaultUrgentIntakeReviewWithin);
        if (options.UrgentIntakeReviewWithin <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Intake:UrgentReviewWithin must be a positive time span, e.g. 04:00:00.");
        }

        if (configuration.GetSection("Reminders:LeadTimes").Get<TimeSpan[]>() is { Length: > 0 } leadTimes)
        {
            options.ReminderLeadTimes = leadTimes;
        }

        return options;
    }
}
