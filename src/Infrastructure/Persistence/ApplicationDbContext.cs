using System.Data.Common;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Waitlist;
using ClinicHip.Infrastructure.Identity;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence.Configurations;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ClinicHip.Domain.Webhooks;
using ClinicHip.Domain.Auditing;
using ClinicHip.Domain.Idempotency;

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>
/// The clinic's database: domain aggregates and the identity store share one context so that an account and
/// its profile commit together. Each provider has a subclass that owns its migrations (docs/decisions/0002).
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IApplicationDbContext
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<PatientChange> PatientChanges => Set<PatientChange>();

    public DbSet<PatientNameWord> PatientNameWords => Set<PatientNameWord>();

    public DbSet<PatientInvitation> PatientInvitations => Set<PatientInvitation>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<Clinician> Clinicians => Set<Clinician>();

    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();

    public DbSet<AppointmentType> AppointmentTypes => Set<AppointmentType>();

    public DbSet<Domain.Locations.Location> Locations => Set<Domain.Locations.Location>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AppointmentSeries> AppointmentSeries => Set<AppointmentSeries>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();

    public DbSet<WaitlistOffer> WaitlistOffers => Set<WaitlistOffer>();

    public DbSet<IntakeForm> IntakeForms => Set<IntakeForm>();

    public DbSet<RunningLoadWeek> RunningLoadWeeks => Set<RunningLoadWeek>();

    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();

    public DbSet<OutcomeRecord> OutcomeRecords => Set<OutcomeRecord>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<TreatmentPlan> TreatmentPlans => Set<TreatmentPlan>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<IntegrationClient> IntegrationClients => Set<IntegrationClient>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Domain.BulkExport.BulkExportJob> BulkExportJobs => Set<Domain.BulkExport.BulkExportJob>();

    public DbSet<Domain.Billing.BillingSettings> BillingSettings => Set<Domain.Billing.BillingSettings>();

    public DbSet<Domain.Billing.BillableItem> BillableItems => Set<Domain.Billing.BillableItem>();

    public DbSet<Domain.Billing.ConcessionPriceList> ConcessionPriceLists => Set<Domain.Billing.ConcessionPriceList>();

    public DbSet<Domain.Billing.Payer> Payers => Set<Domain.Billing.Payer>();

    public DbSet<Domain.Billing.PatientBillingProfile> PatientBillingProfiles => Set<Domain.Billing.PatientBillingProfile>();

    public DbSet<Domain.Billing.AppointmentTypeItem> AppointmentTypeItems => Set<Domain.Billing.AppointmentTypeItem>();

    public DbSet<Domain.Billing.DocumentSequence> DocumentSequences => Set<Domain.Billing.DocumentSequence>();

    public DbSet<Domain.Billing.FeeWaiver> FeeWaivers => Set<Domain.Billing.FeeWaiver>();

    public DbSet<Domain.Billing.Invoice> Invoices => Set<Domain.Billing.Invoice>();

    public DbSet<Domain.Billing.Payment> Payments => Set<Domain.Billing.Payment>();

    public DbSet<Domain.Billing.PrepaidPack> PrepaidPacks => Set<Domain.Billing.PrepaidPack>();

    public DbSet<Domain.Billing.InvoiceCheckout> InvoiceCheckouts => Set<Domain.Billing.InvoiceCheckout>();

    public DbSet<Domain.Billing.ProviderPaymentEventRecord> ProviderPaymentEvents => Set<Domain.Billing.ProviderPaymentEventRecord>();

    public void ClearChangeTracker() => ChangeTracker.Clear();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await using var writer = Database.CurrentTransaction is null ? await EnterWriterAsync(cancellationToken) : null;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new PreconditionFailedException(exception.Entries.Count > 0 ? exception.Entries[0].Metadata.ClrType.Name : "resource");
        }
        catch (DbUpdateException exception) when (IsUniqueConstraintViolation(exception))
        {
            throw new UniqueConstraintViolationException(exception);
        }
    }

    /// <summary>
    /// Waits, without holding a thread, until this process may write; null where the database itself queues writers
    /// well. Saves inside an explicit transaction entered it with the transaction. Leaving the turn returns only once
    /// what it committed is durable, so a caller never answers before its write would survive a power cut.
    /// </summary>
    protected virtual ValueTask<IAsyncDisposable?> EnterWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable?>(null);

    /// <summary>Whether the provider refused the save for a duplicate unique key.</summary>
    protected abstract bool IsUniqueConstraintViolation(DbUpdateException exception);

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var writer = await EnterWriterAsync(cancellationToken);

        // A server provider retries transient faults (connection drops, deadlock victims) by running the whole
        // transaction again; the work adds and loads what it changes, so a retry starts from an empty change tracker
        // rather than saving the failed attempt's entities twice.
        var strategy = Database.CreateExecutionStrategy();
        var attempt = 0;
        return await strategy.ExecuteAsync(async () =>
        {
            if (attempt++ > 0)
            {
                ChangeTracker.Clear();
            }

            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    /// <summary>
    /// Runs raw statements as this process's writer (<see cref="EnterWriterAsync"/>), in a transaction of their own and
    /// through the provider's retry strategy, outside the change tracker and without touching availability's diary: for
    /// append-only rows written in bulk, where SaveChanges' tracking and per-row statements cost more than the write.
    /// </summary>
    internal async Task WriteOutsideTrackingAsync(Func<DbConnection, DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var writer = await EnterWriterAsync(cancellationToken);
        await Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await work(Database.GetDbConnection(), transaction.GetDbTransaction(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
        if (ExactCollation is { } collation)
        {
            CaseSensitiveColumns.Use(builder, collation);
        }
    }

    /// <summary>The collation that compares text exactly, where the provider's default does not (see <see cref="CaseSensitiveColumns"/>).</summary>
    protected virtual string? ExactCollation => null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Ticks: SQL Server's time type cannot hold more than a day (a booking horizon is 90).
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
        StoredTypeConventions.Apply(configurationBuilder);
    }
}
