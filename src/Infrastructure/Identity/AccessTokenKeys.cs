using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>
/// The keys of the API's access tokens, resolved once at start-up (docs/decisions/0028): the current key signs, and
/// during a rollover the previous key still validates tokens it signed until they expire. Both public keys are
/// published at <c>/.well-known/jwks.json</c>.
/// </summary>
public sealed class AccessTokenKeys
{
    private const string DevelopmentKeyFileName = "dev-jwt-signing-key.pem";

    private const string HowToSet =
        "Set Jwt__SigningKey to an ECDSA P-256 private key, for example the output of "
        + "`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -outform DER | base64 -w0` (docs/configuration.md).";

    private AccessTokenKeys(EcSigningKey current, EcSigningKey? previous)
    {
        Current = current;
        Previous = previous;
        Published = previous is null ? [current] : [current, previous];
        ValidationKeys = [.. Published.Select(key => key.PublicKey)];
    }

    public EcSigningKey Current { get; }

    public EcSigningKey? Previous { get; }

    /// <summary>Every key a token may be signed with, current first.</summary>
    public IReadOnlyList<EcSigningKey> Published { get; }

    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    /// <summary>
    /// Takes <c>Jwt:SigningKey</c> and, during a rollover, <c>Jwt:PreviousSigningKey</c>. In Development only, a missing
    /// key is generated once and kept in the data folder (0600), so tokens survive restarts. Anywhere else a missing
    /// key stops start-up.
    /// </summary>
    public static AccessTokenKeys Resolve(JwtOptions options, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        EcSigningKey current;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            current = EcSigningKey.Parse(options.SigningKey, "Jwt:SigningKey", HowToSet);
        }
        else if (environment.IsDevelopment())
        {
            current = EcSigningKey.LoadOrCreateDevelopmentKey(Path.Combine(dataDirectory, DevelopmentKeyFileName));
        }
        else
        {
            throw new InvalidOperationException($"Jwt:SigningKey is not set, and only Development may generate one. {HowToSet}");
        }

        var previous = string.IsNullOrWhiteSpace(options.PreviousSigningKey)
            ? null
            : EcSigningKey.Parse(options.PreviousSigningKey, "Jwt:PreviousSigningKey", HowToSet);
        return new AccessTokenKeys(current, previous?.KeyId == current.KeyId ? null : previous);
    }
}
