using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Auditing;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Waitlist;
using ClinicHip.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>The clinic's data, as the use cases see it.</summary>
public interface IApplicationDbContext
{
    DbSet<Patient> Patients { get; }

    DbSet<PatientChange> PatientChanges { get; }

    DbSet<PatientNameWord> PatientNameWords { get; }

    DbSet<PatientInvitation> PatientInvitations { get; }

    DbSet<StaffMember> StaffMembers { get; }

    DbSet<Clinician> Clinicians { get; }

    DbSet<ClinicSettings> ClinicSettings { get; }

    DbSet<AppointmentType> AppointmentTypes { get; }

    DbSet<Domain.Locations.Location> Locations { get; }

    DbSet<TimeOff> TimeOff { get; }

    DbSet<Appointment> Appointments { get; }

    DbSet<AppointmentSeries> AppointmentSeries { get; }

    DbSet<IdempotentRequest> IdempotentRequests { get; }

    DbSet<WaitlistEntry> WaitlistEntries { get; }

    DbSet<WaitlistOffer> WaitlistOffers { get; }

    DbSet<IntakeForm> IntakeForms { get; }

    DbSet<RunningLoadWeek> RunningLoadWeeks { get; }

    DbSet<TrainingRun> TrainingRuns { get; }

    DbSet<OutcomeRecord> OutcomeRecords { get; }

    DbSet<Assessment> Assessments { get; }

    DbSet<TreatmentPlan> TreatmentPlans { get; }

    DbSet<AuditRecord> AuditRecords { get; }

    DbSet<IntegrationClient> IntegrationClients { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts { get; }

    DbSet<Domain.BulkExport.BulkExportJob> BulkExportJobs { get; }

    DbSet<Domain.Billing.BillingSettings> BillingSettings { get; }

    DbSet<Domain.Billing.BillableItem> BillableItems { get; }

    DbSet<Domain.Billing.ConcessionPriceList> ConcessionPriceLists { get; }

    DbSet<Domain.Billing.Payer> Payers { get; }

    DbSet<Domain.Billing.PatientBillingProfile> PatientBillingProfiles { get; }

    DbSet<Domain.Billing.AppointmentTypeItem> AppointmentTypeItems { get; }

    DbSet<Domain.Billing.DocumentSequence> DocumentSequences { get; }

    DbSet<Domain.Billing.FeeWaiver> FeeWaivers { get; }

    DbSet<Domain.Billing.Invoice> Invoices { get; }

    DbSet<Domain.Billing.Payment> Payments { get; }

    DbSet<Domain.Billing.PrepaidPack> PrepaidPacks { get; }

    DbSet<Domain.Billing.InvoiceCheckout> InvoiceCheckouts { get; }

    DbSet<Domain.Billing.ProviderPaymentEventRecord> ProviderPaymentEvents { get; }

    /// <summary>Forgets every tracked entity, e.g. after a save the database refused.</summary>
    void ClearChangeTracker();

    /// <summary>
    /// Saves all changes in one transaction. Throws <see cref="Exceptions.UniqueConstraintViolationException"/> when a
    /// unique key is taken, and <see cref="Exceptions.PreconditionFailedException"/> when a versioned row changed meanwhile.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction: all of it is committed, or none. On a server database a
    /// transient fault runs the work again from an empty change tracker, so the work loads and adds all it changes.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
