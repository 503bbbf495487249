using System.Reflection;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>Every options class is bound once and validated when the host starts: a wrong setting stops the start, naming it.</summary>
public class OptionsValidationTests
{
    private sealed class SettingFactory : ClinicApiFactory
    {
        public SettingFactory(string key, string value) => Settings[key] = value;
    }

    [Theory]
    [InlineData("FhirExport:LeaseDuration", "-00:01:00")]
    [InlineData("FhirExport:BatchSize", "0")]
    [InlineData("Outbox:LeaseDuration", "00:00:00")]
    [InlineData("Outbox:BatchSize", "0")]
    [InlineData("Jwt:AccessTokenLifetime", "00:00:00")]
    [InlineData("Jwt:RefreshTokenLifetime", "00:10:00")]
    [InlineData("Waitlist:OfferHoldTime", "-00:15:00")]
    [InlineData("ChangeFeed:SettleLag", "-00:00:05")]
    [InlineData("InputBounds:LatestDate", "1999-12-31T00:00:00Z")]
    [InlineData("Webhooks:Timeout", "00:00:00")]
    [InlineData("RateLimits:WritePermitLimit", "0")]
    [InlineData("PublicAddress:BaseUrl", "api.clinic.example")]
    [InlineData("Telehealth:BaseUrl", "ftp://video.clinic.example/rooms")]
    [InlineData("Notifications:Smtp:Port", "70000")]
    [InlineData("Intake:UrgentReviewWithin", "-01:00:00")]
    public void Start_WithASettingOutOfRange_FailsNamingTheSetting(string key, string value)
    {
        using var factory = new SettingFactory(key, value);

        var failure = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        failure.Message.ShouldContain(key);
    }

    [Fact]
    public async Task Start_WithAWrongSetting_StopsBeforeTheDatabaseIsMigrated()
    {
        using var factory = new SettingFactory("FhirExport:LeaseDuration", "00:00:00");

        Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        await using var connection = await factory.Database.OpenConnectionAsync();
        var migrationTables = await connection.ScalarAsync(TemporaryDatabase.OnPostgreSql
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory'"
            : "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'");
        migrationTables.ShouldBe("0");
    }

    [Fact]
    public void OptionsClass_IsValidatedOnStart()
    {
        using var factory = new ClinicApiFactory();
        var services = factory.Services;
        var onStart = StartupValidated(services);

        var unvalidated = OptionsClasses()
            .Where(t => !onStart.Contains(t) || !services.GetServices(typeof(IValidateOptions<>).MakeGenericType(t)).Any())
            .Select(t => t.FullName);

        unvalidated.ShouldBeEmpty("bind each options class with AddValidatedOptions (ValidateDataAnnotations and ValidateOnStart)");
    }

    /// <summary>Every class with a configuration section (a <c>SectionName</c> constant) in the API's assemblies.</summary>
    private static IEnumerable<Type> OptionsClasses() =>
        new[] { typeof(Program).Assembly, typeof(ClinicHip.Infrastructure.DependencyInjection).Assembly, typeof(ClinicHip.Application.DependencyInjection).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    /// <summary>
    /// The options types ValidateOnStart registered. The framework keeps them in an internal options class; read here so a
    /// class bound without ValidateOnStart fails this test rather than the first request that reads it.
    /// </summary>
    private static HashSet<Type> StartupValidated(IServiceProvider services)
    {
        var optionsType = typeof(IStartupValidator).Assembly.GetType("Microsoft.Extensions.Options.StartupValidatorOptions", throwOnError: true)!;
        var wrapped = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType));
        var options = wrapped.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(wrapped);
        var validators = (System.Collections.IDictionary)optionsType.GetProperty("_validators", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(options)!;
        return [.. validators.Keys.Cast<ValueTuple<Type, string>>().Select(k => k.Item1)];
    }
}
