using ClinicHip.Infrastructure.Identity;
using ClinicHip.Infrastructure.Telehealth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ClinicHip.Api.IntegrationTests.Auth;

public class SigningKeyTests
{
    [Fact]
    public void Parse_PemOrBase64DerInPkcs8OrSec1_ReadsTheSameKey_ASharedSecretIsRefused()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        string[] forms = [key.ExportPkcs8PrivateKeyPem(), key.ExportECPrivateKeyPem(), Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportECPrivateKey())];

        forms.Select(form => EcSigningKey.Parse(form, "Jwt:SigningKey", "").KeyId).Distinct().ShouldHaveSingleItem()
            .ShouldBe(Infrastructure.ForgedTokens.KeyId(key));
        Should.Throw<InvalidOperationException>(() => EcSigningKey.Parse(Convert.ToBase64String(new byte[48]), "Jwt:SigningKey", ""));
    }

    [Fact]
    public void Resolve_InDevelopmentWithoutKeys_WritesTwoDifferentGeneratedKeysReadableByTheOwnerOnly_AndReadsThemBack()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"clinichip-key-{Guid.NewGuid():N}");
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };
        try
        {
            var access = AccessTokenKeys.Resolve(new JwtOptions(), development, dataDirectory);
            var telehealth = TelehealthSigningKey.Resolve(new TelehealthOptions(), development, dataDirectory);

            if (!OperatingSystem.IsWindows())
            {
                foreach (var file in new[] { "dev-jwt-signing-key.pem", "dev-telehealth-signing-key.pem" })
                {
                    File.GetUnixFileMode(Path.Combine(dataDirectory, file)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            telehealth.Key.KeyId.ShouldNotBe(access.Current.KeyId);
            AccessTokenKeys.Resolve(new JwtOptions(), development, dataDirectory).Current.KeyId.ShouldBe(access.Current.KeyId);
            TelehealthSigningKey.Resolve(new TelehealthOptions(), development, dataDirectory).Key.KeyId.ShouldBe(telehealth.Key.KeyId);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
