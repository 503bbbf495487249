using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Application.Patients;

/// <summary>
/// What follows when a record stops being the patient's way in: its email changes, it is archived, a death is recorded or
/// it is merged away (docs/decisions/0043): its open invitations are revoked
/// (<see cref="PatientRecordQueries.RevokeOpenInvitationsAsync"/>) and its login follows its state.
/// </summary>
public static class PatientRecordClosing
{
    /// <summary>
    /// An archived or deceased patient's login stops: sign-in refused, every access token refused from the next request,
    /// every refresh token revoked. Restoring the record opens it again (<paramref name="open"/>); the patient signs in anew.
    /// </summary>
    public static async Task SetLoginOpenAsync(this IIdentityService identity, ITokenService tokens, Patient patient, bool open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.UserId is not { } userId)
        {
            return;
        }

        await identity.SetDisabledAsync(userId, disabled: !open, cancellationToken);
        if (!open)
        {
            await tokens.RevokeAllAsync(userId, cancellationToken);
        }
    }
}
