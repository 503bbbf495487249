using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.BackgroundWork;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>Wakes this instance's dispatcher as soon as a save here wrote outbox work, instead of at its next poll.</summary>
public sealed class OutboxSignal : WorkSignal, IWebhookDispatchSignal;
