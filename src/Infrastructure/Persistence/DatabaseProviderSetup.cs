using ClinicHip.Infrastructure.Persistence.PostgreSql;
using ClinicHip.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
#if SQLSERVER
using ClinicHip.Infrastructure.Persistence.SqlServer;
#endif

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>
/// Registers <see cref="ApplicationDbContext"/> on the configured provider, pooled: a request leases a context that
/// was reset rather than building one with its options and services (measured: a visible share of a simple read).
/// Pooling needs singleton options, so the interceptors are singletons (they read the caller per call), each registered
/// as an <see cref="IInterceptor"/> by the feature it serves. The server
/// providers retry transient faults (EF Core's defaults: six tries, exponential back-off up to 30 s); explicit
/// transactions run inside the same strategy (<see cref="ApplicationDbContext.InTransactionAsync{T}"/>).
/// </summary>
internal static class DatabaseProviderSetup
{
    public const string SqlServerMissingMessage =
        "Database:Provider is SqlServer, but this build of ClinicHip has no SQL Server support. " +
        "Build it with the SQL Server switch: `dotnet build -p:SqlServer=true` (or `dotnet run --project src/Api -p:SqlServer=true`), " +
        "or use the Docker image from docker-compose.yml, which is built that way.";

    public static void AddApplicationDbContext(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = ResolveSqliteConnectionString(options.ConnectionString, contentRoot);
                var connectionSettings = new SqliteConnectionSettings(options.SqliteDurability);
                services.AddDbContextPool<ApplicationDbContext, SqliteApplicationDbContext>((provider, builder) => builder
                    .UseSqlite(connectionString)
                    .AddInterceptors([.. provider.GetServices<IInterceptor>(), connectionSettings]));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<ApplicationDbContext, PostgreSqlApplicationDbContext>((provider, builder) => builder
                    .UseNpgsql(options.ConnectionString, npgsql => npgsql.EnableRetryOnFailure())
                    .AddInterceptors(provider.GetServices<IInterceptor>()));
                break;
#if SQLSERVER
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<ApplicationDbContext, SqlServerApplicationDbContext>((provider, builder) => builder
                    .UseSqlServer(options.ConnectionString, sqlServer => sqlServer.EnableRetryOnFailure())
                    .AddInterceptors(provider.GetServices<IInterceptor>()));
                break;
#else
            case DatabaseProvider.SqlServer:
                throw new InvalidOperationException(SqlServerMissingMessage);
#endif
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported. Use Sqlite, PostgreSql or SqlServer.");
        }
    }

    /// <summary>Anchors a relative SQLite file to the content root and makes sure its folder exists.</summary>
    public static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:" && !string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
