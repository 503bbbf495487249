using FluentValidation;

namespace ClinicHip.Application.Common.Validation;

/// <summary>Shape rules for the contact and account fields that several requests share.</summary>
public static class ContactRules
{
    public const int EmailMaxLength = 254;
    public const int PasswordMaxLength = 128;
    public const int PhoneMaxLength = 20;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(EmailMaxLength).EmailAddress();

    /// <summary>Presence and a length cap only: the password policy itself is the identity store's (one place).</summary>
    public static IRuleBuilderOptions<T, string> SuppliedPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(PasswordMaxLength);

    public static IRuleBuilderOptions<T, string> ValidPersonNamePart<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Domain.Common.PersonName.MaxLength);

    public static IRuleBuilderOptions<T, string> ValidPhone<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(PhoneMaxLength).Matches(@"^\+?\(?[0-9][0-9 ()\-]{5,}$")
            .WithMessage("Enter a phone number of digits, optionally starting with + and grouped by spaces, dashes or brackets.");
}
