using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Treatment;
using ClinicHip.Infrastructure.Auditing;
using ClinicHip.Infrastructure.Identity;
using ClinicHip.Infrastructure.Logging;
using ClinicHip.Infrastructure.Notifications;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Payments;
using ClinicHip.Infrastructure.Telemetry;
using ClinicHip.Infrastructure.Persistence;
using ClinicHip.Infrastructure.Persistence.Interceptors;
using ClinicHip.Infrastructure.Persistence.Seeding;
using ClinicHip.Infrastructure.Telehealth;
using ClinicHip.Infrastructure.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClinicHip.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Persistence on the configured provider, the identity store and token issuing. Fails at once, with a message
    /// saying what to set, when the configuration cannot work (no SQL Server in this build, a weak signing key).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.AddSingleton(TimeProvider.System);

        var databaseSection = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(databaseSection);
        var database = databaseSection.Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<AuditableEntityInterceptor>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<PatientNameWordsInterceptor>();
        services.AddApplicationDbContext(database, environment.ContentRootPath);
        services.AddDatabaseFailureLogging(database.Provider);
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddMemoryCache();

        var jwtSection = configuration.GetSection(JwtOptions.SectionName);
        services.Configure<JwtOptions>(jwtSection);
        var jwt = jwtSection.Get<JwtOptions>() ?? new JwtOptions();
        services.AddSingleton(AccessTokenKeys.Resolve(jwt, environment, Path.Combine(environment.ContentRootPath, "data")));
        services.AddScoped<ITokenService, TokenService>();

        services.AddMetrics();
        services.AddSingleton<ClinicMetrics>();
        services.AddSingleton<IAuditTrail, AuditTrail>();

        // Real elapsed time, whatever clock the clinic's rules read: it bounds how long other instances' unannounced changes take to show.
        var unannouncedLifetime = configuration.GetValue("Scheduling:AvailabilityCacheLifetime", TimeSpan.FromSeconds(2));
        services.AddSingleton(_ => new DiaryOccupancy(TimeProvider.System, unannouncedLifetime));

        var telehealthSection = configuration.GetSection(TelehealthOptions.SectionName);
        services.Configure<TelehealthOptions>(telehealthSection);
        services.AddSingleton(TelehealthSigningKey.Resolve(
            telehealthSection.Get<TelehealthOptions>() ?? new TelehealthOptions(), environment, Path.Combine(environment.ContentRootPath, "data")));
        services.AddSingleton<ITelehealthRooms, SignedLinkTelehealthRooms>();
        services.AddSingleton<IInvitationTokens, InvitationTokens>();

        services.AddSingleton(configuration.GetSection("Outcomes:MeaningfulChange").Get<MeaningfulChangeThresholds>() ?? new MeaningfulChangeThresholds());

        services.AddSingleton(configuration.GetSection("Treatment:SafetyLimits").Get<TreatmentSafetyLimits>() ?? new TreatmentSafetyLimits());

        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.SectionName));
        services.AddScoped<DemoClinicSeeder>();
        services.AddScoped<DemoPatientsSeeder>();
        services.AddScoped<DatabaseInitialiser>();

        services.AddOutboxAndWebhooks(configuration);
        services.AddOnlinePayments(configuration);
        services.AddSingleton<IBillingDocuments, Documents.PdfBillingDocuments>();
        services.Configure<Application.BulkExport.BulkExportOptions>(configuration.GetSection(Application.BulkExport.BulkExportOptions.SectionName));
        services.AddSingleton<IBulkExportFiles, BulkExport.BulkExportFiles>();

        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>The outbox and its dispatcher, webhook signing and delivery, and the reminder channel (docs/decisions/0010).</summary>
    private static void AddOutboxAndWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var outbox = OutboxOptions.From(configuration);
        services.AddSingleton(outbox);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IWebhookDispatchSignal>(provider => provider.GetRequiredService<OutboxSignal>());
        services.AddScoped<IAccountNotices, OutboxAccountNotices>();
        if (outbox.DispatcherEnabled)
        {
            services.AddHostedService<OutboxDispatcher>();
        }

        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<IWebhookTargetPolicy>(provider => provider.GetRequiredService<WebhookTargetPolicy>());
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookTargetPolicy.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // WebhookSender times each attempt itself.
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<WebhookTargetPolicy>().ConnectAsync,
                ConnectTimeout = TimeSpan.FromSeconds(5),
            });

        var dataProtection = services.AddDataProtection().SetApplicationName("ClinicHip");
        if (configuration["DataProtection:KeyRingPath"] is { Length: > 0 } keyRing)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        }

        services.AddSingleton<IWebhookSecretProtector, WebhookSecretProtector>();

        var smtp = configuration.GetSection(SmtpOptions.SectionName);
        services.Configure<SmtpOptions>(smtp);
        if (!string.IsNullOrWhiteSpace(smtp[nameof(SmtpOptions.Host)]))
        {
            services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        }
        else
        {
            services.AddSingleton<INotificationSender, LogNotificationSender>();
        }
    }
}
