namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// Makes an invitation's link token from its id with a server-held key, so the database keeps only the token's hash
/// and the sender can still make the token when the invitation is sent.
/// </summary>
public interface IInvitationTokens
{
    string TokenFor(Guid invitationId);
}
