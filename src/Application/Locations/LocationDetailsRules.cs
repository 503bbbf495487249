using ClinicHip.Domain.Locations;
using FluentValidation;

namespace ClinicHip.Application.Locations;

/// <summary>The checks a location's details get when it is opened or changed.</summary>
internal static class LocationDetailsRules
{
    /// <summary>A phone number as typed, with spaces and punctuation; it is stored in E.164 (<see cref="Location.PhoneMaxLength"/>).</summary>
    private const int PhoneAsTypedMaxLength = 40;

    public static void ValidateDetails<T>(this AbstractValidator<T> validator, Func<T, string> name, Func<T, string> address, Func<T, string?> phone, Func<T, string?> timeZone)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => name(c)).NotEmpty().MaximumLength(Location.NameMaxLength).OverridePropertyName("name");
        validator.RuleFor(c => address(c)).NotEmpty().MaximumLength(Location.AddressMaxLength).OverridePropertyName("address");
        validator.RuleFor(c => phone(c)).MaximumLength(PhoneAsTypedMaxLength).OverridePropertyName("phone");
        validator.RuleFor(c => timeZone(c)).MaximumLength(64).OverridePropertyName("timeZone");
    }
}
