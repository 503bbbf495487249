using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>The API with online payment through the real Stripe adapter, pointed at a local fake of Stripe's API.</summary>
public sealed class StripeApiFactory : ClinicApiFactory, IAsyncLifetime
{
    private FakeStripe? stripe;

    public FakeStripe Stripe => stripe ?? throw new InvalidOperationException("The fake Stripe starts with the fixture.");

    public async ValueTask InitializeAsync()
    {
        stripe = await FakeStripe.StartAsync();
        foreach (var (key, value) in stripe.Settings)
        {
            Settings[key] = value;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (stripe is not null)
        {
            await stripe.DisposeAsync();
        }
    }
}
