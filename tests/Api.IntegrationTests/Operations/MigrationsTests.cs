using ClinicHip.Infrastructure.Persistence.PostgreSql;
using ClinicHip.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>Each provider's migrations match the model; no database is needed.</summary>
public class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_AgainstTheModel_AreUpToDate()
    {
        using var db = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for SQLite (docs/databases.md, Adding a migration)");
    }

    [Fact]
    public void PostgreSqlMigrations_AgainstTheModel_AreUpToDate()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for PostgreSQL (docs/databases.md, Adding a migration)");
    }

    [Fact]
    public void PostgreSqlScript_FromEmptyDatabase_CreatesTheAppendOnlyAuditTrigger()
    {
        using var db = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE \"AuditRecords\"");
        script.ShouldContain("CREATE TRIGGER \"AuditRecords_AppendOnly\" BEFORE UPDATE OR DELETE ON \"AuditRecords\"");
    }
}
