using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinicHip.Infrastructure.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model without starting the API. It opens no connection.</summary>
public sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerApplicationDbContext>
{
    public SqlServerApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerApplicationDbContext>().UseSqlServer("Server=design-time;Database=ClinicHip;Integrated Security=true").Options);
}
