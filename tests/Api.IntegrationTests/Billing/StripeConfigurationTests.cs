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
    [InlineData("Stripe:SecretKey", "pk_test_publishable", "Payments:Stripe:SecretKey")]
    [InlineData("Stripe:WebhookSecret", "", "Payments:Stripe:WebhookSecret")]
    [InlineData("Stripe:WebhookSecret", "not-a-signing-secret", "Payments:Stripe:WebhookSecret")]
    [InlineData("Stripe:ApiBase", "http://stripe.example.net", "Payments:Stripe:ApiBase")]
    [InlineData("Stripe:WebhookTolerance", "00:00:00", "Payments:Stripe:WebhookTolerance")]
    [InlineData("Stripe:MaxNetworkRetries", "9", "Payments:Stripe:MaxNetworkRetries")]
    [InlineData("ReturnUrl", "", "Payments:ReturnUrl")]
    [InlineData("ReturnUrl", "http://clinic.example/paid", "Payments:ReturnUrl")]
    [InlineData("CheckoutLifetime", "00:05:00", "Payments:CheckoutLifetime")]
    public void Start_WithAWrongStripeSetting_StopsNamingTheSetting(string setting, string value, string named)
    {
        using var factory = new SettingsFactory(new Dictionary<string, string?>
        {
            ["Payments:Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Payments:Stripe:WebhookSecret"] = "whsec_c2VjcmV0LWZvci1jb25maWd1cmF0aW9uLXRlc3Rz",
            ["Payments:ReturnUrl"] = "https://clinic.example/paid",
            [$"Payments:{setting}"] = value,
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
