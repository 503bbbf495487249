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

/// <summary>A new patient registers online: a login account in the Patient role and their profile.</summary>
/// <param name="Email">Email address; becomes the login.</param>
/// <param name="Password">At least 10 characters, with at least 4 different characters.</param>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="DateOfBirth">Date of birth (ISO 8601 date, e.g. 1990-04-21).</param>
/// <param name="Phone">Contact phone number, e.g. +61 7 5555 0100.</param>
public sealed record RegisterPatientCommand(string Email, string Password, string GivenName, string FamilyName, DateOnly DateOfBirth, string Phone)
    : IRequest<PatientProfileDto>;

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

public sealed class RegisterPatientHandler(IApplicationDbContext db, IIdentityService identity, TimeProvider clock)
    : IRequestHandler<RegisterPatientCommand, PatientProfileDto>
{
    public Task<PatientProfileDto> Handle(RegisterPatientCommand request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        return db.InTransactionAsync(async ct =>
        {
            var phone = PhoneNormaliser.ToE164(request.Phone, (await db.ClinicSettingsAsync(ct)).DefaultPhoneRegion, "phone");
            var userId = await identity.CreateUserAsync(request.Email, request.Password, Roles.Patient, ct);
            var patient = Patient.Register(userId, new PersonName(request.GivenName, request.FamilyName), request.DateOfBirth, request.Email, phone, today);
            if ((await db.FindDuplicatesAsync(patient.Details(), patient.Id, ct)).Count > 0)
            {
                // Never attached to the record it matches (that would hand a stranger someone's history): staff decide.
                patient.MarkPossibleDuplicate();
            }

            db.Patients.Add(patient);
            await db.SaveChangesAsync(ct);
            return PatientProfileDto.From(patient);
        }, cancellationToken);
    }
}
