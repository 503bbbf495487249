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
    /// Creates an account with id <paramref name="userId"/> in <paramref name="role"/> unless the email is taken, in which
    /// case it answers the existing account's id, unchanged. The password is checked against the policy and hashed
    /// either way, so both outcomes take as long. Throws <see cref="Exceptions.ValidationException"/> when the
    /// password breaks the policy, whether or not the email is taken.
    /// </summary>
    Task<AccountCreation> CreateUserUnlessTakenAsync(Guid userId, string email, string password, string role, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a sign-in, counting failures towards lockout. Returns the account id, or null when the email
    /// is unknown, the password is wrong or the account is locked out — deliberately indistinguishable.
    /// </summary>
    Task<Guid?> CheckPasswordSignInAsync(string email, string password, CancellationToken cancellationToken);

    Task<AccountSummary?> FindAccountAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the password after checking the current one, counting wrong ones towards lockout. Throws
    /// <see cref="Exceptions.ValidationException"/> when the current password is wrong, the account is locked out or the
    /// new password breaks the policy. Access tokens issued before stop working.
    /// </summary>
    Task ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken);

    /// <summary>Disables or re-enables sign-in; disabling also ends every access token of the account.</summary>
    Task SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an access token carrying <paramref name="securityStamp"/> is still good for the account: its password is
    /// unchanged and it is not disabled. A lockout after wrong passwords does not end tokens.
    /// </summary>
    Task<bool> IsTokenCurrentAsync(Guid userId, string securityStamp, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an integration client's access token is still good: the client exists, was not revoked, and still holds
    /// every one of the token's <paramref name="scopes"/>.
    /// </summary>
    Task<bool> IsClientTokenCurrentAsync(Guid clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IIdentityService.CreateUserUnlessTakenAsync"/> did.</summary>
/// <param name="UserId">The new account, or the one that already held the email.</param>
/// <param name="Created">False when the email already had an account.</param>
public sealed record AccountCreation(Guid UserId, bool Created);

/// <summary>An account's email and access roles.</summary>
public sealed record AccountSummary(Guid UserId, string Email, IReadOnlyList<string> Roles);
