using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Auth;

/// <summary>A patient claims the record the clinic keeps for them: the invitation's token and a new password make their login.</summary>
/// <param name="Token">The link token from the invitation email.</param>
/// <param name="Password">At least 10 characters, with at least 4 different characters.</param>
public sealed record ClaimPatientRecordCommand(string Token, string Password) : IRequest<PatientProfileDto>;

public sealed class ClaimPatientRecordValidator : AbstractValidator<ClaimPatientRecordCommand>
{
    public ClaimPatientRecordValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(OpaqueSecrets.SecretLength);
        RuleFor(c => c.Password).SuppliedPassword();
    }
}

public sealed class ClaimPatientRecordHandler(IApplicationDbContext db, IIdentityService identity, TimeProvider clock)
    : IRequestHandler<ClaimPatientRecordCommand, PatientProfileDto>
{
    public const string InvalidTokenCode = "invitation.invalid";

    public Task<PatientProfileDto> Handle(ClaimPatientRecordCommand request, CancellationToken cancellationToken)
    {
        var hash = OpaqueSecrets.Hash(request.Token);
        return db.InTransactionAsync(async ct =>
        {
            var invitation = await db.PatientInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
                ?? throw new UnprocessableRequestException(InvalidTokenCode, "This invitation link is not valid. Check the link, or ask the clinic for a new invitation.");
            var now = clock.GetUtcNow().UtcDateTime;
            // Not the merged-record answer: an anonymous claimer is told no more than that the invitation no longer applies.
            var patient = await db.Patients.SingleAsync(p => p.Id == invitation.PatientId, ct);

            // The login is the address the link was sent to, never what the record says now (docs/decisions/0043).
            var email = invitation.Claim(patient, now);
            var userId = await identity.CreateUserAsync(email, request.Password, Roles.Patient, ct);
            patient.LinkAccount(userId);
            await db.SaveChangesAsync(ct);
            return PatientProfileDto.From(patient);
        }, cancellationToken);
    }
}
