using ClinicHip.Application.Common.Validation;
using FluentValidation;

namespace ClinicHip.Application.Staff.Commands.CreateStaffMember;

public sealed class CreateStaffMemberValidator : AbstractValidator<CreateStaffMemberCommand>
{
    public CreateStaffMemberValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).SuppliedPassword();
        RuleFor(c => c.GivenName).ValidPersonNamePart();
        RuleFor(c => c.FamilyName).ValidPersonNamePart();
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Profession).IsInEnum();
    }
}
