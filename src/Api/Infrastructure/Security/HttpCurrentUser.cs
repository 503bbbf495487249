using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Identity;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>The caller of the current HTTP request, read from the claims of their validated token.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId => IsClient ? null : ReadGuid(ClinicClaimTypes.Subject);

    public Guid? PatientId => ReadGuid(ClinicClaimTypes.PatientId);

    public Guid? ClinicianId => ReadGuid(ClinicClaimTypes.ClinicianId);

    public Guid? ClientId => ReadGuid(ClinicClaimTypes.ClientId);

    public IReadOnlyList<string> Scopes => accessor.HttpContext?.User.Scopes() ?? [];

    public bool IsInRole(string role) => accessor.HttpContext?.User.IsInRole(role) ?? false;

    private bool IsClient => accessor.HttpContext?.User.IsIntegrationClient() ?? false;

    private Guid? ReadGuid(string claimType) =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(claimType)?.Value, out var value) ? value : null;
}
