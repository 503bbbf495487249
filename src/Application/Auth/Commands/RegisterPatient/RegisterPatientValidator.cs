using ClinicHip.Application.Common.Validation;
using FluentValidation;

namespace ClinicHip.Application.Auth.Commands.RegisterPatient;

public sealed class RegisterPatientValidator : AbstractValidator<RegisterPatientCommand>
{
    public RegisterPatientValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).SuppliedPassword();
        RuleFor(c => c.GivenName).ValidPersonNamePart();
        RuleFor(c => c.FamilyName).ValidPersonNamePart();
        RuleFor(c => c.DateOfBirth).NotEmpty();
        RuleFor(c => c.Phone).ValidPhone();
    }
}
