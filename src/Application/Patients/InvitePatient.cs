using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>An invitation to claim a record.</summary>
/// <param name="Id">The invitation id.</param>
/// <param name="PatientId">The patient invited.</param>
/// <param name="ExpiresAt">When the link stops working (7 days after it was issued).</param>
public sealed record PatientInvitationDto(Guid Id, Guid PatientId, DateTimeOffset ExpiresAt);

/// <summary>
/// Staff invite a patient who has a record but no login: a <c>patient.invited</c> event in the outbox, sent with a
/// single-use link token to the patient's email by the notification sender. The login will read the record's clinical
/// content, so once the record holds any, only a clinician invites: the front desk and administrators, who never read
/// clinical content, cannot reach it through an address they typed (docs/decisions/0043).
/// </summary>
public sealed record InvitePatientCommand(Guid PatientId) : IRequest<PatientInvitationDto>;

public sealed class InvitePatientHandler(IApplicationDbContext db, ICurrentUser user, IInvitationTokens tokens, TimeProvider clock)
    : IRequestHandler<InvitePatientCommand, PatientInvitationDto>
{
    public async Task<PatientInvitationDto> Handle(InvitePatientCommand request, CancellationToken cancellationToken)
    {
        var patient = await db.PatientForChangeAsync(request.PatientId, cancellationToken);
        if (!user.IsInRole(Roles.Clinician) && await HoldsClinicalContentAsync(patient.Id, cancellationToken))
        {
            throw new ForbiddenAccessException(
                "This record holds clinical content, which the patient's login will read: a clinician sends the invitation.", NeedsClinicianCode);
        }

        var id = Guid.CreateVersion7();
        var invitation = PatientInvitation.Issue(patient, id, OpaqueSecrets.Hash(tokens.TokenFor(id)), clock.GetUtcNow().UtcDateTime);
        db.PatientInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new PatientInvitationDto(invitation.Id, patient.Id.Value, new DateTimeOffset(invitation.ExpiresAtUtc, TimeSpan.Zero));
    }

    public const string NeedsClinicianCode = "patient.invitation-needs-clinician";

    private async Task<bool> HoldsClinicalContentAsync(PatientId id, CancellationToken cancellationToken) =>
        await db.IntakeForms.AnyAsync(f => f.PatientId == id, cancellationToken)
        || await db.Assessments.AnyAsync(a => a.PatientId == id, cancellationToken)
        || await db.TreatmentPlans.AnyAsync(p => p.PatientId == id, cancellationToken)
        || await db.OutcomeRecords.AnyAsync(o => o.PatientId == id, cancellationToken)
        || await db.RunningLoadWeeks.AnyAsync(w => w.PatientId == id, cancellationToken);
}
