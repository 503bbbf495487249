using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Identity;

internal sealed class IdentityService(UserManager<ApplicationUser> users, ApplicationDbContext db, TimeProvider clock, IMemoryCache cache, IOptions<JwtOptions> jwt)
    : IIdentityService
{
    // Verified against when the email is unknown, so an unknown email costs as long as a wrong password.
    private static readonly Lazy<string> DecoyPasswordHash =
        new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public async Task<Guid> CreateUserAsync(string email, string password, string role, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email.Trim(), Email = email.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                throw new ConflictException("account.email-taken", "An account with this email already exists.");
            }

            throw new ValidationException(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", e => e.Description)
                .ToDictionary(g => g.Key, g => g.ToArray()));
        }

        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            throw new InvalidOperationException($"Could not add the new account to role {role}: {string.Join("; ", inRole.Errors.Select(e => e.Code))}");
        }

        return user.Id;
    }

    public async Task<Guid?> CheckPasswordSignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DecoyPasswordHash.Value, password);
            return null;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return null;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            ForgetAccountState(user.Id); // the failure may have locked the account
            return null;
        }

        await users.ResetAccessFailedCountAsync(user);
        return user.Id;
    }

    public async Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new AuthenticationFailedException("The account no longer exists.");
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            throw new ValidationException(changed.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e => e.Description)
                .ToDictionary(g => g.Key, g => g.ToArray()));
        }

        ForgetAccountState(userId);
    }

    public async Task SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("Account", userId);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        ForgetAccountState(userId);
    }

    /// <summary>
    /// Checked on every authenticated request, so the account state is cached for <see cref="JwtOptions.AccountStateCacheDuration"/>
    /// (measured: the query was a tenth of the CPU of a simple read). This instance forgets it at once when it changes
    /// the account; other instances notice within that duration.
    /// </summary>
    public async Task<bool> IsTokenCurrentAsync(Guid userId, string securityStamp, CancellationToken cancellationToken)
    {
        var account = await cache.GetOrCreateAsync(AccountStateKey(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = jwt.Value.AccountStateCacheDuration;
            return users.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new AccountState(u.SecurityStamp, u.LockoutEnd)).SingleOrDefaultAsync(cancellationToken);
        });
        return account is not null && account.SecurityStamp == securityStamp && (account.LockoutEnd is null || account.LockoutEnd < clock.GetUtcNow());
    }

    public Task<bool> IsClientTokenCurrentAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var id = new IntegrationClientId(clientId);
        return db.IntegrationClients.AsNoTracking().AnyAsync(c => c.Id == id && c.RevokedAtUtc == null, cancellationToken);
    }

    private void ForgetAccountState(Guid userId) => cache.Remove(AccountStateKey(userId));

    private static string AccountStateKey(Guid userId) => $"account-state:{userId:N}";

    private sealed record AccountState(string? SecurityStamp, DateTimeOffset? LockoutEnd);

    public async Task<AccountSummary?> FindAccountAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return new AccountSummary(user.Id, user.Email!, [.. roles.Order(StringComparer.Ordinal)]);
    }
}
