using ClinicHip.Infrastructure.Identity;
using Microsoft.Extensions.Hosting;

namespace ClinicHip.Infrastructure.Telehealth;

/// <summary>
/// The key of telehealth room tokens, apart from the API's own (docs/decisions/0028): the video service verifies room
/// tokens with its public half, published at <c>/.well-known/telehealth-jwks.json</c>, and can mint nothing the API accepts.
/// </summary>
public sealed class TelehealthSigningKey
{
    private const string DevelopmentKeyFileName = "dev-telehealth-signing-key.pem";

    private const string HowToSet =
        "Set Telehealth__SigningKey to an ECDSA P-256 private key of its own, for example the output of "
        + "`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -outform DER | base64 -w0` (docs/configuration.md).";

    private TelehealthSigningKey(EcSigningKey key) => Key = key;

    public EcSigningKey Key { get; }

    /// <summary>Takes <c>Telehealth:SigningKey</c>; generated in the data folder in Development only, required anywhere else.</summary>
    public static TelehealthSigningKey Resolve(TelehealthOptions options, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return new TelehealthSigningKey(EcSigningKey.Parse(options.SigningKey, "Telehealth:SigningKey", HowToSet));
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"Telehealth:SigningKey is not set, and only Development may generate one. {HowToSet}");
        }

        return new TelehealthSigningKey(EcSigningKey.LoadOrCreateDevelopmentKey(Path.Combine(dataDirectory, DevelopmentKeyFileName)));
    }
}
