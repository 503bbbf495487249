using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>An invitation to claim a record.</summary>
/// <param name="Id">The invitation id.</param>
/// <param name="PatientId">The patient invited.</param>
/// <param name="ExpiresAt">When the link stops working (7 days after it was issued).</param>
public sealed record PatientInvitationDto(Guid Id, Guid PatientId, DateTimeOffset ExpiresAt);

/// <summary>
/// Staff invite a patient who has a record but no login (front desk, administrators): a <c>patient.invited</c> event
/// in the outbox, sent with a single-use link token to the patient's email by the notification sender.
/// </summary>
public sealed record InvitePatientCommand(Guid PatientId) : IRequest<PatientInvitationDto>;

public sealed class InvitePatientHandler(IApplicationDbContext db, IInvitationTokens tokens, TimeProvider clock)
    : IRequestHandler<InvitePatientCommand, PatientInvitationDto>
{
    public async Task<PatientInvitationDto> Handle(InvitePatientCommand request, CancellationToken cancellationToken)
    {
        var patient = await db.PatientForChangeAsync(request.PatientId, cancellationToken);
        var id = Guid.CreateVersion7();
        var invitation = PatientInvitation.Issue(patient, id, OpaqueSecrets.Hash(tokens.TokenFor(id)), clock.GetUtcNow().UtcDateTime);
        db.PatientInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new PatientInvitationDto(invitation.Id, patient.Id.Value, new DateTimeOffset(invitation.ExpiresAtUtc, TimeSpan.Zero));
    }
}
