using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClinicHip.Infrastructure.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without starting the API. It opens no connection.</summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlApplicationDbContext>
{
    public PostgreSqlApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlApplicationDbContext>().UseNpgsql("Host=design-time;Database=clinichip").Options);
}
