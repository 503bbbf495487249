using Microsoft.AspNetCore.Identity;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>A login account. Profiles (patient, staff) live in the domain and point here by user id.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>;

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string roleName)
        : base(roleName)
    {
        Id = Guid.CreateVersion7();
    }
}
