using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinicHip.Infrastructure.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the API. It opens no connection.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteApplicationDbContext>
{
    public SqliteApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
