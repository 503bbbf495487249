using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>
/// The clinic's database: domain aggregates and the identity store share one context so that an account and
/// its profile commit together. Each provider has a subclass that owns its migrations (docs/decisions/0002).
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IApplicationDbContext
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<Clinician> Clinicians => Set<Clinician>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }

        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }).ConfigureAwait(false);
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
        configurationBuilder.Properties<StaffRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Profession>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// <summary>The SQLite database, the default. Its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options);
