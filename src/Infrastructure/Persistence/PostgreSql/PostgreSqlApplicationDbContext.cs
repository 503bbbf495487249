using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicHip.Infrastructure.Persistence.PostgreSql;

/// <summary>The PostgreSQL database. Its migrations are in <c>PostgreSql/Migrations</c>.</summary>
public sealed class PostgreSqlApplicationDbContext(DbContextOptions<PostgreSqlApplicationDbContext> options) : ApplicationDbContext(options)
{
    protected override bool IsUniqueConstraintViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
