namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// Which URLs webhooks may be sent to: only https (http in Development), and never a host that resolves to a private,
/// loopback, link-local or otherwise internal address unless configuration allows it (server-side request forgery).
/// </summary>
public interface IWebhookTargetPolicy
{
    /// <summary>Why <paramref name="target"/> may not be called, or null when it may.</summary>
    Task<string?> RefusalAsync(Uri target, CancellationToken cancellationToken);
}

/// <summary>Keeps webhook signing secrets unreadable at rest while letting the dispatcher sign with them.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
