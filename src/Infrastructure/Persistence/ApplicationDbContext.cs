using System.Collections.Concurrent;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using ClinicHip.Infrastructure.Identity;
using ClinicHip.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<Clinician> Clinicians => Set<Clinician>();

    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();

    public DbSet<AppointmentType> AppointmentTypes => Set<AppointmentType>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<IntakeForm> IntakeForms => Set<IntakeForm>();

    public DbSet<RunningLoadWeek> RunningLoadWeeks => Set<RunningLoadWeek>();

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

    public void ClearChangeTracker() => ChangeTracker.Clear();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var writer = Database.CurrentTransaction is null ? await EnterWriterAsync(cancellationToken) : null;
        var changesDiary = ChangesDiary();
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (changesDiary)
            {
                this.GetService<DiaryVersion>().Changed();
            }

            return saved;
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

    /// <summary>What availability is computed from (see <see cref="DiaryVersion"/>).</summary>
    private static readonly HashSet<Type> DiaryTypes =
        [typeof(Appointment), typeof(Domain.Scheduling.TimeOff), typeof(Clinician), typeof(WorkingInterval), typeof(AppointmentType), typeof(Domain.Scheduling.ClinicSettings)];

    private bool ChangesDiary() => ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && DiaryTypes.Contains(e.Metadata.ClrType));

    /// <summary>
    /// Waits, without holding a thread, until this process may write; null where the database itself queues writers
    /// well. Saves inside an explicit transaction entered it with the transaction.
    /// </summary>
    protected virtual ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Whether the provider refused the save for a duplicate unique key.</summary>
    protected abstract bool IsUniqueConstraintViolation(DbUpdateException exception);

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        using var writer = await EnterWriterAsync(cancellationToken);
        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            // Saves inside the transaction counted before the commit; count again now that it is visible.
            this.GetService<DiaryVersion>().Changed();
            return result;
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<PatientId>().HaveConversion<PatientIdConverter>();
        configurationBuilder.Properties<StaffMemberId>().HaveConversion<StaffMemberIdConverter>();
        configurationBuilder.Properties<ClinicianId>().HaveConversion<ClinicianIdConverter>();
        // Ticks: SQL Server's time type cannot hold more than a day (a booking horizon is 90).
        configurationBuilder.Properties<TimeSpan>().HaveConversion<long>();
        configurationBuilder.Properties<AppointmentId>().HaveConversion<AppointmentIdConverter>();
        configurationBuilder.Properties<AppointmentTypeId>().HaveConversion<AppointmentTypeIdConverter>();
        configurationBuilder.Properties<TimeOffId>().HaveConversion<TimeOffIdConverter>();
        configurationBuilder.Properties<IntakeFormId>().HaveConversion<IntakeFormIdConverter>();
        configurationBuilder.Properties<IntegrationClientId>().HaveConversion<IntegrationClientIdConverter>();
        configurationBuilder.Properties<TriageLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IntakeStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IntakeSubmitter>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AssessmentId>().HaveConversion<AssessmentIdConverter>();
        configurationBuilder.Properties<AssessmentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TreatmentPlanId>().HaveConversion<TreatmentPlanIdConverter>();
        configurationBuilder.Properties<PlanStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutcomeInstrument>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutcomeRecorder>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RunningLoadSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AllowedModes>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AppointmentMode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AppointmentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CancellationReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DiaryOwner>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DayOfWeek>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<BookingChannel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Sex>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ContactMethod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MedicalAlertKinds>().HaveConversion<string>().HaveMaxLength(64);
        configurationBuilder.Properties<PatientChangeKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StaffRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Profession>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OutboxMessageKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxMessageStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<WebhookDeliveryStatus>().HaveConversion<string>().HaveMaxLength(16);
    }
}

/// <summary>The SQLite database, the default. Its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// SQLite has one writer at a time, and a waiting writer blocks its thread inside SQLite (the driver is synchronous):
    /// thirty concurrent bookings tied up thirty pool threads and starved the rest (measured: booking throughput fell as
    /// connections rose). So this process queues its writers here, asynchronously, one per database file; other
    /// processes on the same file still meet at SQLite's lock (busy_timeout, see <see cref="Interceptors.SqliteConnectionSettings"/>).
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    protected override async ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken)
    {
        var gate = Writers.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new WriterTurn(gate);
    }

    private sealed class WriterTurn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    protected override bool IsUniqueConstraintViolation(DbUpdateException exception) =>
        exception?.InnerException is Microsoft.Data.Sqlite.SqliteException
        {
            SqliteErrorCode: SqliteConstraint,
            SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        };
}
