using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>
/// An ECDSA P-256 key that signs tokens with ES256. Its <see cref="KeyId"/> is the RFC 7638 thumbprint of the public
/// key, so the same key has the same <c>kid</c> on every instance without configuring one.
/// </summary>
public sealed class EcSigningKey
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private EcSigningKey(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("The key is not on the P-256 curve.", nameof(key));
        }

        X = Base64UrlEncoder.Encode(parameters.Q.X);
        Y = Base64UrlEncoder.Encode(parameters.Q.Y);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}""")));
        Credentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = KeyId }, Algorithm);
        PublicKey = new ECDsaSecurityKey(ECDsa.Create(parameters)) { KeyId = KeyId };
    }

    public string KeyId { get; }

    /// <summary>The public key's x coordinate, base64url, as a JWK carries it.</summary>
    public string X { get; }

    /// <summary>The public key's y coordinate, base64url, as a JWK carries it.</summary>
    public string Y { get; }

    /// <summary>The private key's scalar, as key material to derive other secrets from (e.g. invitation tokens); never leaves the process.</summary>
    internal byte[] PrivateScalar() => ((ECDsaSecurityKey)Credentials.Key).ECDsa.ExportParameters(includePrivateParameters: true).D!;

    /// <summary>Signs with the private key; never leaves the process.</summary>
    public SigningCredentials Credentials { get; }

    /// <summary>Verifies; the only part published.</summary>
    public ECDsaSecurityKey PublicKey { get; }

    /// <summary>
    /// Reads a private key from configuration: PEM (<c>-----BEGIN PRIVATE KEY-----</c> or <c>EC PRIVATE KEY</c>), or the
    /// base64 of its DER form (PKCS#8 or SEC1), which fits on one line of an environment file.
    /// </summary>
    public static EcSigningKey Parse(string value, string setting, string howToSet)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = ECDsa.Create();
        try
        {
            if (value.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(value);
            }
            else
            {
                ImportDer(key, Convert.FromBase64String(value.Trim()));
            }

            return new EcSigningKey(key);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{setting} is not an ECDSA P-256 private key (PEM, or base64 DER). {howToSet}", exception);
        }
    }

    /// <summary>PKCS#8, or SEC1 (what <c>openssl genpkey -outform DER</c> writes for an EC key).</summary>
    private static void ImportDer(ECDsa key, byte[] der)
    {
        try
        {
            key.ImportPkcs8PrivateKey(der, out _);
        }
        catch (CryptographicException)
        {
            key.ImportECPrivateKey(der, out _);
        }
    }

    /// <summary>In Development only: the key in <paramref name="path"/>, generated there first (owner-only, 0600) when missing.</summary>
    public static EcSigningKey LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            var stored = ECDsa.Create();
            stored.ImportFromPem(File.ReadAllText(path));
            return new EcSigningKey(stored);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        // Readable by the API's own account only: whoever reads the key can mint tokens.
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, file))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        return new EcSigningKey(key);
    }
}
