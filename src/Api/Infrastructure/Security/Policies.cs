using ClinicHip.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>
/// Every authorization policy of the API, in one place. Every endpoint under <c>/api</c> requires a signed-in
/// caller (see <c>Program</c>), so none is open by accident: anonymous access is an explicit <c>AllowAnonymous()</c>.
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Staff = nameof(Staff);
    public const string Patient = nameof(Patient);

    public static void AddClinicPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Staff, policy => policy.RequireRole(Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(Patient, policy => policy.RequireRole(Roles.Patient));
    }
}
