using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>Brings the database up to date at start-up: migrations, roles, the first Admin, and demo data when asked.</summary>
public sealed partial class DatabaseInitialiser(
    ApplicationDbContext db,
    RoleManager<ApplicationRole> roles,
    UserManager<ApplicationUser> users,
    DemoClinicSeeder demoSeeder,
    DemoPatientsSeeder demoPatientsSeeder,
    DemoBillingSeeder demoBillingSeeder,
    IOptions<DatabaseOptions> database,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<SeedOptions> seed,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (database.Value.MigrateOnStartup)
        {
            if (db.Database.IsNpgsql())
            {
                // On a new PostgreSQL database the migrator reads the history table before creating it, and the failed
                // read is logged at Error (a known provider quirk): create the table first, as the migrator would.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            }

            // Migrate also compares the model with the last migration's snapshot (building the snapshot's model) and
            // takes the migration lock: on an up-to-date database, a read of the history table is all start-up needs.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while one writer commits; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new ApplicationRole(role));
            }
        }

        if (!await db.ClinicSettings.AnyAsync(cancellationToken))
        {
            db.ClinicSettings.Add(ClinicSettings.Default());
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.BillingSettings.AnyAsync(cancellationToken))
        {
            db.BillingSettings.Add(Domain.Billing.BillingSettings.Default());
            await db.SaveChangesAsync(cancellationToken);
        }

        await EnsureBootstrapAdminAsync(cancellationToken);

        if (seed.Value.Demo)
        {
            await demoSeeder.SeedAsync(cancellationToken);
            await demoPatientsSeeder.SeedAsync(cancellationToken);
            await demoBillingSeeder.SeedAsync(cancellationToken);
        }
    }

    private async Task EnsureBootstrapAdminAsync(CancellationToken cancellationToken)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var (email, password) = (bootstrap.Value.AdminEmail, bootstrap.Value.AdminPassword);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            LogNoAdmin(logger);
            return;
        }

        await StaffAccounts.CreateAsync(db, users, email, password, new PersonName("Clinic", "Administrator"), StaffRole.Admin, null, cancellationToken);
        LogAdminCreated(logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Admin account exists and Bootstrap:AdminEmail / Bootstrap:AdminPassword are not set: nobody can manage staff.")]
    private static partial void LogNoAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first Admin account from the Bootstrap configuration.")]
    private static partial void LogAdminCreated(ILogger logger);
}
