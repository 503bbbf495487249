using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
#if SQLSERVER
using ClinicHip.Infrastructure.Persistence.SqlServer;
#endif

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the API. It opens no connection.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteApplicationDbContext>
{
    public SqliteApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
#if SQLSERVER

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model without starting the API. It opens no connection.</summary>
public sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerApplicationDbContext>
{
    public SqlServerApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerApplicationDbContext>().UseSqlServer("Server=design-time;Database=ClinicHip;Integrated Security=true").Options);
}
#endif
