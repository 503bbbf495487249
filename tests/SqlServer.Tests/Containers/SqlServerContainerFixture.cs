using Testcontainers.MsSql;

namespace ClinicHip.SqlServer.Tests.Containers;

/// <summary>One SQL Server container for the test class, started only where Docker answers.</summary>
public sealed class SqlServerContainerFixture : IAsyncLifetime
{
    private MsSqlContainer? container;

    public string ConnectionString => container?.GetConnectionString() ?? throw new InvalidOperationException(DockerEngine.Unavailable);

    public async ValueTask InitializeAsync()
    {
        if (!DockerEngine.IsAvailable)
        {
            return;
        }

        container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}
