using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>Creates a staff account and profile outside a request (start-up), in one transaction.</summary>
internal static class StaffAccounts
{
    public static Task<StaffMember> CreateAsync(
        ApplicationDbContext db, UserManager<ApplicationUser> users, string email, string password, PersonName name,
        StaffRole role, Profession? profession, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true };
            EnsureSucceeded(await users.CreateAsync(user, password), email);
            EnsureSucceeded(await users.AddToRoleAsync(user, role.ToString()), email);
            var member = StaffMember.Hire(user.Id, name, email, role, profession);
            db.StaffMembers.Add(member);
            await db.SaveChangesAsync(ct);
            return member;
        }, cancellationToken);

    public static void EnsureSucceeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
