using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Identity;

internal sealed class IdentityService(UserManager<ApplicationUser> users, ApplicationDbContext db, IMemoryCache cache, IOptions<JwtOptions> jwt)
    : IIdentityService
{
    // Verified against when the email is unknown, so an unknown email costs as long as a wrong password.
    private static readonly Lazy<string> DecoyPasswordHash =
        new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    /// <summary>A disabled account is locked out for ever, which tells it from a temporary lockout after wrong passwords.</summary>
    private static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public async Task<Guid> CreateUserAsync(string email, string password, string role, CancellationToken cancellationToken)
    {
        var creation = await CreateUserUnlessTakenAsync(Guid.CreateVersion7(), email, password, role, cancellationToken);
        return creation.Created ? creation.UserId : throw new ConflictException("account.email-taken", "An account with this email already exists.");
    }

    public async Task<AccountCreation> CreateUserUnlessTakenAsync(Guid userId, string email, string password, string role, CancellationToken cancellationToken)
    {
        // UserManager checks and hashes the password before it looks for the email, so a taken email costs the same.
        var user = new ApplicationUser { Id = userId, UserName = email.Trim(), Email = email.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                var holder = await users.FindByEmailAsync(email.Trim()) ?? await users.FindByNameAsync(email.Trim())
                    ?? throw new InvalidOperationException("The account holding the email vanished while registering.");
                return new AccountCreation(holder.Id, Created: false);
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

        return new AccountCreation(user.Id, Created: true);
    }

    public async Task<Guid?> CheckPasswordSignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DecoyPasswordHash.Value, password);
            return null;
        }

        // A locked account still pays for the password check, so its answer takes as long as a wrong password's.
        var locked = await users.IsLockedOutAsync(user);
        var passwordRight = await users.CheckPasswordAsync(user, password);
        if (locked)
        {
            return null;
        }

        if (!passwordRight)
        {
            await users.AccessFailedAsync(user);
            return null;
        }

        await users.ResetAccessFailedCountAsync(user);
        return user.Id;
    }

    public async Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new AuthenticationFailedException("The account no longer exists.");

        // Guesses of the current password count towards the same lockout as sign-in guesses (ADR 0020).
        if (await users.IsLockedOutAsync(user))
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["currentPassword"] = ["Too many wrong passwords. Try again later."],
            });
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
            }

            throw new ValidationException(changed.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e => e.Description)
                .ToDictionary(g => g.Key, g => g.ToArray()));
        }

        await users.ResetAccessFailedCountAsync(user);
        ForgetAccountState(userId);
    }

    public async Task SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("Account", userId);
        await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null);
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
        // A lockout after wrong passwords stops new sign-ins only; a disabled account (locked for ever) ends its tokens (ADR 0020).
        return account is not null && account.SecurityStamp == securityStamp && account.LockoutEnd != DisabledUntil;
    }

    /// <summary>
    /// Not cached: one primary-key read per request of the client's grants, so revoking or narrowing takes effect at once.
    /// </summary>
    public async Task<bool> IsClientTokenCurrentAsync(Guid clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var id = new IntegrationClientId(clientId);
        var granted = await db.IntegrationClients.AsNoTracking()
            .Where(c => c.Id == id && c.RevokedAtUtc == null)
            .Select(c => c.Scopes)
            .SingleOrDefaultAsync(cancellationToken);
        // A SMART scope in the token stands for ClinicHip scopes the token also carries; those are the ones checked.
        return granted is not null && scopes.Where(s => !SmartScopes.IsSmart(s)).All(s => granted.Contains(s, StringComparer.Ordinal));
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
