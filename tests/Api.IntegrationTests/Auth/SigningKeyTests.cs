using ClinicHip.Infrastructure.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ClinicHip.Api.IntegrationTests.Auth;

public class SigningKeyTests
{
    [Fact]
    public void Resolve_InDevelopmentWithoutAKey_WritesTheGeneratedKeyReadableByTheOwnerOnly_AndReadsItBack()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"clinichip-key-{Guid.NewGuid():N}");
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };
        try
        {
            var generated = SigningKey.Resolve(new JwtOptions(), development, dataDirectory);

            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(Path.Combine(dataDirectory, "dev-jwt-signing-key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            SigningKey.Resolve(new JwtOptions(), development, dataDirectory).Key.Key.ShouldBe(generated.Key.Key);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
