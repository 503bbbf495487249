using ClinicHip.Api.IntegrationTests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>A configuration that cannot work stops start-up with a message that says what to do.</summary>
public class StartupConfigurationTests
{
    private sealed class ConfiguredFactory : ClinicApiFactory
    {
        public ConfiguredFactory(string environment, params (string Key, string? Value)[] settings)
        {
            Settings["Environment"] = environment;
            foreach (var (key, value) in settings)
            {
                Settings[key] = value;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(Settings["Environment"]!);
        }
    }

    [Fact]
    public void Start_WithSqlServerProviderInTheDefaultBuild_FailsSayingHowToBuildIt()
    {
        using var factory = new ConfiguredFactory("Testing", ("Database:Provider", "SqlServer"));

        var failure = Should.Throw<InvalidOperationException>(() => factory.CreateClient());

        failure.Message.ShouldContain("-p:SqlServer=true");
    }

    [Fact]
    public void Start_InProductionWithoutSigningKey_FailsSayingHowToSetIt()
    {
        using var factory = new ConfiguredFactory("Production", ("Jwt:SigningKey", ""));

        var failure = Should.Throw<InvalidOperationException>(() => factory.CreateClient());

        failure.Message.ShouldContain("Jwt__SigningKey");
    }

    [Fact]
    public void Start_WithASharedSecretAsSigningKey_FailsAsNotAnEcKey()
    {
        using var factory = new ConfiguredFactory("Production", ("Jwt:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))));

        Should.Throw<InvalidOperationException>(() => factory.CreateClient()).Message.ShouldContain("not an ECDSA P-256 private key");
    }

    [Fact]
    public void Start_InProductionWithoutTelehealthKey_FailsSayingHowToSetIt()
    {
        using var factory = new ConfiguredFactory("Production", ("Telehealth:SigningKey", ""));

        Should.Throw<InvalidOperationException>(() => factory.CreateClient()).Message.ShouldContain("Telehealth__SigningKey");
    }

    [Fact]
    public async Task Request_InProductionWithAHostNotAllowed_Is400()
    {
        using var factory = new ConfiguredFactory("Production");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "evil.example";

        (await factory.CreateClient().SendAsync(request)).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await factory.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
