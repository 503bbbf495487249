using System.ComponentModel.DataAnnotations;
using ClinicHip.Application.Billing.Online;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace ClinicHip.Infrastructure.Payments;

internal static class OnlinePaymentsRegistration
{
    /// <summary>
    /// Registers Stripe as the payment provider when <c>Payments:Stripe:SecretKey</c> is set, after checking every
    /// setting (a wrong one stops the start with its name). Without it no <see cref="IPaymentProvider"/> is registered
    /// and online payment is not offered.
    /// </summary>
    public static IServiceCollection AddOnlinePayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OnlinePaymentOptions>(OnlinePaymentOptions.SectionName);
        services.AddValidatedOptions<StripeOptions>(StripeOptions.SectionName);
        var stripe = configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() ?? new StripeOptions();
        if (!stripe.IsConfigured)
        {
            return services;
        }

        var problems = stripe.Problems().ToList();
        var online = configuration.GetSection(OnlinePaymentOptions.SectionName).Get<OnlinePaymentOptions>() ?? new OnlinePaymentOptions();
        if (online.ReturnUrl is null)
        {
            problems.Add($"{OnlinePaymentOptions.SectionName}:ReturnUrl must name the clinic's page the patient comes back to after paying.");
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(online, new ValidationContext(online), results, validateAllProperties: true);
        problems.AddRange(results.Select(r => r.ErrorMessage ?? string.Empty));

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Online payment is configured but cannot start: " + string.Join(" ", problems));
        }

        services.AddSingleton(stripe);
        services.AddSingleton<IStripeClient>(_ =>
        {
            // One long-lived client whose pooled connections are renewed, so a change of Stripe's addresses is seen.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseCookies = false })
            {
                Timeout = stripe.RequestTimeout,
            };
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = stripe.SecretKey,
                ApiBase = stripe.ApiBase.AbsoluteUri.TrimEnd('/'),
                HttpClient = new SystemNetHttpClient(http, stripe.MaxNetworkRetries, appInfo: null, enableTelemetry: false),
            });
        });
        services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        return services;
    }
}
