using ClinicHip.Domain.Idempotency;
using ClinicHip.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ClinicHip.SqlServer.Tests;

/// <summary>
/// The SQL Server migrations match the model, and every piece of T-SQL they produce parses as SQL Server parses it
/// (ScriptDom, SQL Server 2022 grammar): the scripts a DBA deploys and the commands start-up runs. No server is needed.
/// </summary>
public class SqlServerMigrationsTests
{
    private static SqlServerApplicationDbContext CreateContext() => new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);

    [Fact]
    public void Migrations_AgainstTheModel_AreUpToDate()
    {
        using var db = CreateContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for SQL Server (docs/databases.md, Adding a migration)");
    }

    [Fact]
    public void IdempotentScript_Parsed_HasNoErrors()
    {
        using var db = CreateContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("IF NOT EXISTS");
        script.ShouldContain("CREATE TRIGGER [AuditRecords_AppendOnly]");
        ParseErrors(script).ShouldBeEmpty();
    }

    [Fact]
    public void PlainScript_Parsed_HasNoErrors()
    {
        using var db = CreateContext();

        var script = db.GetService<IMigrator>().GenerateScript();

        script.ShouldContain("CREATE TABLE [Patients]");
        ParseErrors(script).ShouldBeEmpty();
    }

    [Fact]
    public void StartupCommands_EachParsed_HaveNoErrors()
    {
        using var db = CreateContext();
        var commands = StartupCommands(db);

        commands.Count.ShouldBeGreaterThan(db.Database.GetMigrations().Count());
        commands.ShouldAllBe(command => ParseErrors(command).Count == 0);
    }

    [Fact]
    public void ParseErrors_OfATriggerInsideABlock_AreFound()
    {
        // What the idempotent script held before the trigger went through EXEC: the check above can fail.
        const string script = "IF 1 = 1\nBEGIN\n    CREATE TRIGGER [T] ON [AuditRecords] INSTEAD OF DELETE AS THROW 51000, 'no', 1;\nEND;\nGO\n";

        ParseErrors(script).ShouldNotBeEmpty();
    }

    [Fact]
    public void CaseSensitiveKeys_OnSqlServer_UseABinaryCollation()
    {
        using var db = CreateContext();

        var key = db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(IdempotentRequest))!.FindProperty(nameof(IdempotentRequest.Key))!;

        key.GetCollation().ShouldBe(SqlServerApplicationDbContext.BinaryCollation);
        db.GetService<IMigrator>().GenerateScript().ShouldContain("[Key] nvarchar(100) COLLATE Latin1_General_100_BIN2 NOT NULL");
    }

    /// <summary>What <c>Database.Migrate()</c> sends to an empty database: the history table, then each migration's commands and history row.</summary>
    private static List<string> StartupCommands(DbContext db)
    {
        var history = db.GetService<IHistoryRepository>();
        var migrations = db.GetService<IMigrationsAssembly>();
        var generator = db.GetService<IMigrationsSqlGenerator>();
        var model = db.GetService<IDesignTimeModel>().Model;
        var commands = new List<string> { history.GetCreateIfNotExistsScript() };
        foreach (var (id, type) in migrations.Migrations)
        {
            var migration = migrations.CreateMigration(type, db.Database.ProviderName!);
            commands.AddRange(generator.Generate(migration.UpOperations, model).Select(c => c.CommandText));
            commands.Add(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())));
        }

        return commands;
    }

    private static List<string> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }
}
