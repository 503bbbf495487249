using System.Security.Cryptography;
using System.Text;

namespace ClinicHip.Application.Common.Security;

/// <summary>
/// High-entropy random secrets (client secrets, calendar feed tokens): 256 random bits, base64url. Only their SHA-256
/// hash is stored; a slow password hash adds nothing for a secret that cannot be guessed. Hashes are compared in
/// constant time.
/// </summary>
public static class OpaqueSecrets
{
    /// <summary>The length of a stored hash: SHA-256 as upper-case hex.</summary>
    public const int HashLength = 64;

    /// <summary>The length of a secret made by <see cref="New"/> (32 bytes, base64url without padding).</summary>
    public const int SecretLength = 43;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Whether <paramref name="presented"/> is the secret behind <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string? presented, string? storedHash)
    {
        // Hash even when nothing is stored, so a missing record costs as long as a wrong secret.
        var presentedHash = Encoding.ASCII.GetBytes(Hash(presented ?? string.Empty));
        var expected = Encoding.ASCII.GetBytes(storedHash ?? new string('0', HashLength));
        return CryptographicOperations.FixedTimeEquals(presentedHash, expected) && storedHash is not null && presented is not null;
    }
}
