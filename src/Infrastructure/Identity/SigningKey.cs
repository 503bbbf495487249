using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Infrastructure.Identity;

/// <summary>The HMAC-SHA256 key that signs and validates access tokens, resolved once at start-up.</summary>
public sealed class SigningKey
{
    public const int MinimumBytes = 32;
    public const string Algorithm = SecurityAlgorithms.HmacSha256;
    private const string DevelopmentKeyFileName = "dev-jwt-signing-key";

    private SigningKey(byte[] keyBytes) => Key = new SymmetricSecurityKey(keyBytes);

    public SymmetricSecurityKey Key { get; }

    /// <summary>
    /// Takes <c>Jwt:SigningKey</c>. In Development only, a missing key is generated once and kept in the data
    /// folder, so tokens survive restarts. Anywhere else a missing or short key stops start-up.
    /// </summary>
    public static SigningKey Resolve(JwtOptions options, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
            if (bytes.Length < MinimumBytes)
            {
                throw new InvalidOperationException(
                    $"Jwt:SigningKey is too weak: it has {bytes.Length} bytes and needs at least {MinimumBytes}. {HowToSet}");
            }

            return new SigningKey(bytes);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"Jwt:SigningKey is not set, and only Development may generate one. {HowToSet}");
        }

        return new SigningKey(LoadOrCreateDevelopmentKey(Path.Combine(dataDirectory, DevelopmentKeyFileName)));
    }

    private const string HowToSet =
        "Set a random secret of at least 32 bytes in the environment variable Jwt__SigningKey (for example the output of `openssl rand -base64 48`).";

    private static byte[] LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(64);

        // Readable by the API's own account only (0600): whoever reads the key can mint tokens.
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, file))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }
}
