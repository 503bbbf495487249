using ClinicHip.Application.Common.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicHip.Infrastructure.Webhooks;

/// <summary>Encrypts webhook signing secrets with ASP.NET Core Data Protection (authenticated encryption, rotating keys).</summary>
internal sealed class WebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("ClinicHip.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
