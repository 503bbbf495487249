namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Login accounts: creation, password checks and lockout.</summary>
public interface IIdentityService
{
    /// <summary>
    /// Creates an account in <paramref name="role"/>.
    /// Throws <see cref="Exceptions.ValidationException"/> when the password breaks the policy and
    /// <see cref="Exceptions.ConflictException"/> when the email is taken.
    /// </summary>
    Task<Guid> CreateUserAsync(string email, string password, string role, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a sign-in, counting failures towards lockout. Returns the account id, or null when the email
    /// is unknown, the password is wrong or the account is locked out — deliberately indistinguishable.
    /// </summary>
    Task<Guid?> CheckPasswordSignInAsync(string email, string password, CancellationToken cancellationToken);

    Task<AccountSummary?> FindAccountAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>An account's email and access roles.</summary>
public sealed record AccountSummary(Guid UserId, string Email, IReadOnlyList<string> Roles);
