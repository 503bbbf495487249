using ClinicHip.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ClinicHip.SqlServer.Tests;

/// <summary>The SQL Server migrations match the model, and the scripts generate. No server is needed.</summary>
public class SqlServerMigrationsTests
{
    private static SqlServerApplicationDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqlServerApplicationDbContext>().UseSqlServer("Server=unused;Database=ClinicHip").Options);

    [Fact]
    public void Migrations_AreUpToDateWithTheModel()
    {
        using var db = CreateContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for SQL Server (README, Adding a migration)");
    }

    [Fact]
    public void CreateScript_Generates_WithTheClinicTables()
    {
        using var db = CreateContext();

        var script = db.Database.GenerateCreateScript();

        script.ShouldContain("CREATE TABLE [Patients]");
        script.ShouldContain("CREATE TABLE [StaffMembers]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_RefreshTokens_TokenHash]");
    }

    [Fact]
    public void MigrationScript_FromEmptyDatabase_GeneratesIdempotently()
    {
        using var db = CreateContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("__EFMigrationsHistory");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
