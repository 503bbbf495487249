namespace ClinicHip.Application.Auth;

/// <summary>
/// The answer to every registration that passes validation, whether or not the email already had an account
/// (docs/decisions/0027), so the answer never tells who is a patient here.
/// </summary>
/// <param name="Email">The email address registered, as sent.</param>
/// <param name="Message">What to do next.</param>
public sealed record RegistrationAcceptedDto(string Email, string Message)
{
    public const string NextStep =
        "Registration received. Sign in with POST /api/auth/token. If this email already had an account, its owner has been sent a notice instead.";

    public static RegistrationAcceptedDto For(string email) => new(email, NextStep);
}
