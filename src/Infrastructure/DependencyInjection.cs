using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Treatment;
using ClinicHip.Infrastructure.Auditing;
using ClinicHip.Infrastructure.Availability;
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
using Microsoft.EntityFrameworkCore.Diagnostics;
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

        // The database and the signing keys shape the services themselves, so they are also read here, from the same section.
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<IInterceptor, AuditableEntityInterceptor>();
        services.AddSingleton<IInterceptor, OutboxInterceptor>();
        services.AddSingleton<IInterceptor, PatientNameWordsInterceptor>();
        services.AddAvailabilityCache(configuration, database);
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

        services.AddValidatedOptions<JwtOptions>(JwtOptions.SectionName);
        var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        services.AddSingleton(AccessTokenKeys.Resolve(jwt, environment, Path.Combine(environment.ContentRootPath, "data")));
        services.AddScoped<ITokenService, TokenService>();

        services.AddMetrics();
        services.AddSingleton<ClinicMetrics>();
        services.AddSingleton<IAuditTrail, AuditTrail>();

        services.AddValidatedOptions<TelehealthOptions>(TelehealthOptions.SectionName);
        services.AddSingleton(TelehealthSigningKey.Resolve(
            configuration.GetSection(TelehealthOptions.SectionName).Get<TelehealthOptions>() ?? new TelehealthOptions(), environment, Path.Combine(environment.ContentRootPath, "data")));
        services.AddSingleton<ITelehealthRooms, SignedLinkTelehealthRooms>();
        services.AddSingleton<IInvitationTokens, InvitationTokens>();

        services.AddSingleton(configuration.GetSection("Outcomes:MeaningfulChange").Get<MeaningfulChangeThresholds>() ?? new MeaningfulChangeThresholds());

        services.AddSingleton(configuration.GetSection("Treatment:SafetyLimits").Get<TreatmentSafetyLimits>() ?? new TreatmentSafetyLimits());

        services.AddValidatedOptions<BootstrapOptions>(BootstrapOptions.SectionName);
        services.AddValidatedOptions<SeedOptions>(SeedOptions.SectionName);
        services.AddScoped<DemoClinicSeeder>();
        services.AddSingleton<DemoClinic>();
        services.AddScoped<DemoPatientsSeeder>();
        services.AddScoped<DemoBillingSeeder>();
        services.AddScoped<DatabaseInitialiser>();

        services.AddOutboxAndWebhooks(configuration);
        services.AddBulkExport(configuration);
        services.AddOnlinePayments(configuration);
        services.AddSingleton<IBillingDocuments, Documents.PdfBillingDocuments>();
        services.AddValidatedOptions<TrainingFiles.TrainingFileOptions>(TrainingFiles.TrainingFileOptions.SectionName);
        services.AddSingleton<ITrainingFileReader, TrainingFiles.StreamingTrainingFileReader>();

        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// FHIR Bulk Data export: its files and its worker, which writes them with the FHIR representation (docs/decisions/0033).
    /// Its options are Application's, bound there.
    /// </summary>
    private static void AddBulkExport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Application.BulkExport.BulkExportOptions.SectionName);
        services.AddSingleton<IBulkExportFiles, BulkExport.BulkExportFiles>();
        services.AddSingleton<BulkExport.BulkExportSignal>();
        services.AddSingleton<IBulkExportSignal>(provider => provider.GetRequiredService<BulkExport.BulkExportSignal>());
        if (section.GetValue(nameof(Application.BulkExport.BulkExportOptions.WorkerEnabled), true))
        {
            services.AddHostedService<BulkExport.BulkExportWorker>();
        }
    }

    /// <summary>The outbox and its dispatcher, webhook signing and delivery, and the reminder channel (docs/decisions/0010).</summary>
    private static void AddOutboxAndWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Configure(options => options.ReadFrom(configuration)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IWebhookDispatchSignal>(provider => provider.GetRequiredService<OutboxSignal>());
        services.AddScoped<IAccountNotices, OutboxAccountNotices>();
        if (configuration.GetValue($"{OutboxOptions.SectionName}:{nameof(OutboxOptions.DispatcherEnabled)}", true))
        {
            services.AddHostedService<OutboxDispatcher>();
        }

        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.SectionName);
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

        services.AddValidatedOptions<SmtpOptions>(SmtpOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(configuration.GetSection(SmtpOptions.SectionName)[nameof(SmtpOptions.Host)]))
        {
            services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        }
        else
        {
            services.AddSingleton<INotificationSender, LogNotificationSender>();
        }
    }
}
