using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Sends a pending invitation (run by the outbox dispatcher): true when sent; false when it was used or expired, or the
/// record has a login or no email by now.
/// </summary>
public sealed record SendPatientInvitationCommand(Guid InvitationId) : IRequest<bool>;

public sealed class SendPatientInvitationHandler(IApplicationDbContext db, IInvitationTokens tokens, INotificationSender sender, TimeProvider clock)
    : IRequestHandler<SendPatientInvitationCommand, bool>
{
    public async Task<bool> Handle(SendPatientInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var target = await db.PatientInvitations.AsNoTracking()
            .Where(i => i.Id == request.InvitationId && i.ClaimedAtUtc == null && i.ExpiresAtUtc > now)
            .Join(db.Patients, i => i.PatientId, p => p.Id, (i, p) => new { i.ExpiresAtUtc, p.Email, p.UserId })
            .SingleOrDefaultAsync(cancellationToken);
        if (target is not { UserId: null, Email: { } email })
        {
            return false;
        }

        await sender.SendAsync(new PatientInvitationMessage(request.InvitationId, email, tokens.TokenFor(request.InvitationId), target.ExpiresAtUtc), cancellationToken);
        return true;
    }
}
