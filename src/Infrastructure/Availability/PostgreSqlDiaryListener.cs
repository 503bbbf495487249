using ClinicHip.Application.Scheduling.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicHip.Infrastructure.Availability;

/// <summary>
/// Hears the diary changes of every instance on the database: each save that changes the diary sends a NOTIFY on
/// <see cref="Channel"/> (delivered at commit) naming the clinician-days it touched (<see cref="DiaryChange"/>), and this
/// listener has <see cref="DiaryOccupancy"/> forget exactly those, so availability shows them at once. While the
/// listening connection is down, the unannounced lifetime bounds staleness as on the other providers.
/// </summary>
internal sealed partial class PostgreSqlDiaryListener(string connectionString, DiaryOccupancy diary, ILogger<PostgreSqlDiaryListener> logger)
    : BackgroundService
{
    public const string Channel = "clinichip_diary";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private const string NotifySql = $"SELECT pg_notify('{Channel}', {{0}})";

    /// <summary>Tells every instance's listener what a save on <paramref name="context"/> changed; inside a transaction PostgreSQL delivers it at commit, or never.</summary>
    public static void Announce(DbContext context, DiaryChange change) => context.Database.ExecuteSqlRaw(NotifySql, [change.ToAnnouncement()]);

    /// <inheritdoc cref="Announce"/>
    public static async Task AnnounceAsync(DbContext context, DiaryChange change, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync(NotifySql, [change.ToAnnouncement()], cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                LogListenFailed(logger, exception.GetType().Name, ReconnectDelay.TotalSeconds);
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // A connection of its own, outside the pool: it is held for as long as the instance runs.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, heard) => diary.Apply(DiaryChange.FromAnnouncement(heard.Payload));
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Changes made while nobody listened were not heard: nothing held before now is trusted.
        diary.Apply(DiaryChange.All());
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other instances' diary changes failed ({Error}); availability relies on the unannounced lifetime until it reconnects in {DelaySeconds} s.")]
    private static partial void LogListenFailed(ILogger logger, string error, double delaySeconds);
}
