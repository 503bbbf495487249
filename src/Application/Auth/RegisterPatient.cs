using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Auth;

/// <summary>
/// A new patient registers online: a login account in the Patient role and their profile. An email that already has an
/// account gets the same answer, and its owner a notice instead (docs/decisions/0027).
/// </summary>
/// <param name="Email">Email address; becomes the login.</param>
/// <param name="Password">At least 10 characters, with at least 4 different characters.</param>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="DateOfBirth">Date of birth (ISO 8601 date, e.g. 1990-04-21).</param>
/// <param name="Phone">Contact phone number, e.g. +61 7 5555 0100.</param>
public sealed record RegisterPatientCommand(string Email, string Password, string GivenName, string FamilyName, DateOnly DateOfBirth, string Phone)
    : IRequest<RegistrationAcceptedDto>;

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

public sealed class RegisterPatientHandler(IApplicationDbContext db, IIdentityService identity, IAccountNotices notices, TimeProvider clock)
    : IRequestHandler<RegisterPatientCommand, RegistrationAcceptedDto>
{
    public Task<RegistrationAcceptedDto> Handle(RegisterPatientCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        return db.InTransactionAsync(async ct =>
        {
            // Every refusal comes before the email is looked at, so none of them depends on whether it is taken.
            var phone = PhoneNormaliser.ToE164(request.Phone, (await db.ClinicSettingsAsync(ct)).DefaultPhoneRegion, "phone");
            var patient = Patient.Register(Guid.CreateVersion7(), new PersonName(request.GivenName, request.FamilyName), request.DateOfBirth, request.Email, phone, today);
            var account = await identity.CreateUserUnlessTakenAsync(patient.UserId!.Value, request.Email, request.Password, Roles.Patient, ct);
            if (account.Created)
            {
                if ((await db.FindDuplicatesAsync(patient.Details(), patient.Id, ct)).Count > 0)
                {
                    // Never attached to the record it matches (that would hand a stranger someone's history): staff decide.
                    patient.MarkPossibleDuplicate();
                }

                db.Patients.Add(patient);
            }
            else
            {
                notices.QueueRegistrationAttempt(account.UserId, now);
            }

            await db.SaveChangesAsync(ct);
            return RegistrationAcceptedDto.For(request.Email);
        }, cancellationToken);
    }
}
