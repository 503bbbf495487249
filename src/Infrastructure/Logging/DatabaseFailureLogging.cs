using ClinicHip.Infrastructure.Persistence;
using ClinicHip.Infrastructure.Persistence.PostgreSql;
using ClinicHip.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
#if SQLSERVER
using ClinicHip.Infrastructure.Persistence.SqlServer;
#endif

namespace ClinicHip.Infrastructure.Logging;

/// <summary>
/// EF Core logs every failed command, query and save at Error with the stack trace, before the exception reaches code
/// that knows what it means: a unique key refusing a double booking is an ordinary 409, not a fault. These events go to
/// Debug; the exception itself always travels on, and a fault is logged once, at Error, where it ends (the use-case
/// pipeline, the API's exception handler, or the background service that caught it).
/// </summary>
internal static class DatabaseFailureLogging
{
    private static readonly (EventId, LogLevel)[] Downgraded =
    [
        (RelationalEventId.CommandError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug),
    ];

    public static void AddDatabaseFailureLogging(this IServiceCollection services, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.ConfigureDbContext<SqliteApplicationDbContext>(Configure, ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.PostgreSql:
                services.ConfigureDbContext<PostgreSqlApplicationDbContext>(Configure, ServiceLifetime.Singleton);
                break;
#if SQLSERVER
            case DatabaseProvider.SqlServer:
                services.ConfigureDbContext<SqlServerApplicationDbContext>(Configure, ServiceLifetime.Singleton);
                break;
#endif
            default:
                // AddApplicationDbContext has already refused a provider this build does not have.
                break;
        }
    }

    private static void Configure(DbContextOptionsBuilder options) => options.ConfigureWarnings(warnings => warnings.Log(Downgraded));
}
