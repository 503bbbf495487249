using System.Security.Cryptography;
using System.Text;
using ClinicHip.Application.Common.Interfaces;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>
/// Invitation link tokens: HMAC-SHA256 of the invitation id under a key derived (HKDF) from the access-token signing
/// key's private scalar, 256
/// bits in base64url. Every instance makes the same token for an invitation; a copy of the database, which holds only
/// the token's hash, does not. Replacing the signing key voids invitations not yet claimed (staff invite again).
/// </summary>
internal sealed class InvitationTokens(AccessTokenKeys signingKeys) : IInvitationTokens
{
    private readonly byte[] key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, signingKeys.Current.PrivateScalar(), 32, info: Encoding.ASCII.GetBytes("clinichip patient invitation"));

    public string TokenFor(Guid invitationId) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, invitationId.ToByteArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
