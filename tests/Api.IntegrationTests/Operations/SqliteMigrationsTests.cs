using ClinicHip.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Api.IntegrationTests.Operations;

public class SqliteMigrationsTests
{
    [Fact]
    public void Migrations_AreUpToDateWithTheModel()
    {
        using var db = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);

        db.Database.HasPendingModelChanges().ShouldBeFalse("run `dotnet ef migrations add` for SQLite (README, Adding a migration)");
    }
}
