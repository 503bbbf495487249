using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Online payment is offered only when Stripe is configured, and a wrong setting stops the start with its name.</summary>
public sealed class StripeConfigurationTests
{
    [Fact]
    public void Start_WithoutAStripeKey_OffersNoOnlinePayment()
    {
        using var factory = new ClinicApiFactory();

        factory.Services.GetService<IPaymentProvider>().ShouldBeNull();
    }

    [Theory]
    [InlineData("SecretKey", "pk_test_publishable", "Payments:Stripe:SecretKey")]
    [InlineData("WebhookSecret", "", "Payments:Stripe:WebhookSecret")]
    [InlineData("WebhookSecret", "not-a-signing-secret", "Payments:Stripe:WebhookSecret")]
    [InlineData("ApiBase", "http://stripe.example.net", "Payments:Stripe:ApiBase")]
    [InlineData("WebhookTolerance", "00:00:00", "Payments:Stripe:WebhookTolerance")]
    [InlineData("MaxNetworkRetries", "9", "Payments:Stripe:MaxNetworkRetries")]
    public void Start_WithAWrongStripeSetting_StopsNamingTheSetting(string setting, string value, string named)
    {
        using var factory = new SettingsFactory(new Dictionary<string, string?>
        {
            ["Payments:Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Payments:Stripe:WebhookSecret"] = "whsec_c2VjcmV0LWZvci1jb25maWd1cmF0aW9uLXRlc3Rz",
            [$"Payments:Stripe:{setting}"] = value,
        });

        var failure = Should.Throw<InvalidOperationException>(() => factory.Services);
        failure.Message.ShouldContain(named);
    }

    private sealed class SettingsFactory : ClinicApiFactory
    {
        public SettingsFactory(Dictionary<string, string?> settings)
        {
            foreach (var (key, value) in settings)
            {
                Settings[key] = value;
            }
        }
    }
}
