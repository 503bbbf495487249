using System.Diagnostics;
using System.Diagnostics.Metrics;
using ClinicHip.Domain.Intake;

namespace ClinicHip.Infrastructure.Telemetry;

/// <summary>
/// The clinic's own meter (<see cref="MeterName"/>; instruments named under it, e.g. <c>appointments.booked</c>, which
/// Prometheus shows as <c>clinichip_appointments_booked</c>) and trace source: what an operator watches besides the framework's
/// request and runtime metrics. Counts and times only, never who or what.
/// </summary>
public sealed class ClinicMetrics
{
    public const string MeterName = "ClinicHip";

    /// <summary>Spans of work no framework traces: webhook deliveries.</summary>
    public static readonly ActivitySource Traces = new(MeterName);

    private readonly Meter meter;
    private readonly Counter<long> booked;
    private readonly Counter<long> conflicts;
    private readonly Counter<long> triaged;
    private readonly Histogram<double> outboxLag;
    private readonly Counter<long> deliveries;

    public ClinicMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(MeterName);
        booked = meter.CreateCounter<long>("appointments.booked", "{appointment}", "Appointments booked (committed).");
        conflicts = meter.CreateCounter<long>("appointments.conflicts", "{request}", "Bookings and reschedules refused because the slot was taken.");
        triaged = meter.CreateCounter<long>("intake.triaged", "{form}", "Intake forms submitted (committed), by triage level.");
        outboxLag = meter.CreateHistogram<double>("outbox.lag", "s", "How long due outbox work (events, reminders) waited before it ran.");
        deliveries = meter.CreateCounter<long>("webhooks.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered or failed).");
    }

    public void Booked(int count) => booked.Add(count);

    public void SlotConflict() => conflicts.Add(1);

    public void Triaged(TriageLevel level) => triaged.Add(1, new KeyValuePair<string, object?>("level", level.ToString()));

    public void OutboxWorkRan(TimeSpan waited) => outboxLag.Record(Math.Max(0, waited.TotalSeconds));

    public void WebhookAttempted(bool delivered) => deliveries.Add(1, new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : "failed"));

    /// <summary>Publishes the audit writer's queue: batches of records waiting to be written.</summary>
    public void ObserveAuditQueue(Func<int> depth) =>
        meter.CreateObservableGauge("audit.queue_depth", depth, "{request}", "Requests whose audit records wait to be written.");
}
