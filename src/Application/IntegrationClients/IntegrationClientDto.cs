using ClinicHip.Domain.Integration;

namespace ClinicHip.Application.IntegrationClients;

/// <summary>An integration client as administrators see it: never its secret.</summary>
/// <param name="Id">The client id, for the token request.</param>
/// <param name="Name">What it is.</param>
/// <param name="Scopes">What it may ask for.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null while it is active.</param>
public sealed record IntegrationClientDto(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static IntegrationClientDto From(IntegrationClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.Id.Value, client.Name, client.Scopes, new DateTimeOffset(client.CreatedAtUtc, TimeSpan.Zero),
            client.RevokedAtUtc is { } revoked ? new DateTimeOffset(revoked, TimeSpan.Zero) : null);
    }
}
