using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Staff;

/// <summary>An administrator adds a member of staff with a login account in the matching role.</summary>
/// <param name="Email">Email address; becomes the login.</param>
/// <param name="Password">Initial password (at least 10 characters, 4 different).</param>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="Role">FrontDesk, Clinician or Admin.</param>
/// <param name="Profession">Required for a clinician, absent otherwise.</param>
public sealed record CreateStaffMemberCommand(string Email, string Password, string GivenName, string FamilyName, StaffRole Role, Profession? Profession)
    : IRequest<StaffMemberDto>;

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

public sealed class CreateStaffMemberHandler(IApplicationDbContext db, IIdentityService identity)
    : IRequestHandler<CreateStaffMemberCommand, StaffMemberDto>
{
    public Task<StaffMemberDto> Handle(CreateStaffMemberCommand request, CancellationToken cancellationToken)
    {
        return db.InTransactionAsync(async ct =>
        {
            var userId = await identity.CreateUserAsync(request.Email, request.Password, request.Role.ToString(), ct);
            var member = StaffMember.Hire(userId, new PersonName(request.GivenName, request.FamilyName), request.Email, request.Role, request.Profession);
            db.StaffMembers.Add(member);
            await db.SaveChangesAsync(ct);
            return StaffMemberDto.From(member);
        }, cancellationToken);
    }
}
