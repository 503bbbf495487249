using ClinicHip.Application.Scheduling.Availability;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicHip.Infrastructure.Persistence.PostgreSql;

/// <summary>The PostgreSQL database. Its migrations are in <c>PostgreSql/Migrations</c>.</summary>
public sealed class PostgreSqlApplicationDbContext(DbContextOptions<PostgreSqlApplicationDbContext> options) : ApplicationDbContext(options)
{
    protected override bool IsUniqueConstraintViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Tells every instance's <see cref="PostgreSqlDiaryListener"/>; inside a transaction PostgreSQL delivers it at commit, or never.</summary>
    protected override async Task AnnounceDiaryChangeAsync(DiaryChange change, CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync($"SELECT pg_notify('{PostgreSqlDiaryListener.Channel}', {{0}})", [change.ToAnnouncement()], cancellationToken);
}
