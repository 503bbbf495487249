using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Infrastructure.Availability;

/// <summary>
/// Availability's cache and everything that keeps it current (docs/decisions/0034): the <see cref="DiaryOccupancy"/>,
/// the save interceptor that has it forget what this instance's saves change, and on PostgreSQL the listener that hears
/// other instances' saves. The database context knows nothing of it.
/// </summary>
internal static class AvailabilityCacheSetup
{
    public static void AddAvailabilityCache(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        // Real elapsed time, whatever clock the clinic's rules read: it bounds how long other instances' unannounced changes take to show.
        var unannouncedLifetime = configuration.GetValue("Scheduling:AvailabilityCacheLifetime", TimeSpan.FromSeconds(2));
        services.AddSingleton(_ => new DiaryOccupancy(TimeProvider.System, unannouncedLifetime));

        var onPostgreSql = database.Provider == DatabaseProvider.PostgreSql;
        services.AddSingleton<IInterceptor>(provider => new DiaryOccupancyInterceptor(provider.GetRequiredService<DiaryOccupancy>(), announceToOtherInstances: onPostgreSql));
        if (onPostgreSql)
        {
            services.AddHostedService(provider => new PostgreSqlDiaryListener(
                database.ConnectionString, provider.GetRequiredService<DiaryOccupancy>(), provider.GetRequiredService<ILogger<PostgreSqlDiaryListener>>()));
        }
    }
}
