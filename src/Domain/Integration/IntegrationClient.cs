using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Integration;

/// <summary>
/// Another system (a booking widget, a reminder service) that calls the API on its own behalf with the OAuth 2.0 client
/// credentials grant. It holds a set of scopes and a secret, of which only a hash is kept. Revoking it is final.
/// </summary>
public sealed class IntegrationClient : AuditableEntity
{
    public const int NameMaxLength = 100;

    private IntegrationClient()
    {
        Name = null!;
        Scopes = null!;
        SecretHash = null!;
    }

    private IntegrationClient(IntegrationClientId id, string name, IReadOnlyList<string> scopes, string secretHash)
    {
        Id = id;
        Name = name;
        Scopes = scopes;
        SecretHash = secretHash;
    }

    public IntegrationClientId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The scopes it may ask for, from <see cref="IntegrationScopes"/>, in their canonical order.</summary>
    public IReadOnlyList<string> Scopes { get; private set; }

    /// <summary>The hash of its secret; the secret itself is shown once, when the client is registered.</summary>
    public string SecretHash { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>Registers a client with known scopes (at least one; duplicates are ignored).</summary>
    public static IntegrationClient Register(string name, IEnumerable<string> scopes, string secretHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretHash);
        return new IntegrationClient(IntegrationClientId.New(), name.Trim(), CanonicalScopes(scopes), secretHash);
    }

    /// <summary>
    /// Replaces the client's grants with known scopes (at least one). Tokens it holds that carry a scope no longer granted
    /// stop working; it asks for a new token with what it holds now.
    /// </summary>
    public void ChangeScopes(IEnumerable<string> scopes) => Scopes = CanonicalScopes(scopes);

    private static string[] CanonicalScopes(IEnumerable<string> scopes)
    {
        var requested = scopes.ToHashSet(StringComparer.Ordinal);
        var unknown = requested.FirstOrDefault(s => !IntegrationScopes.IsKnown(s));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown scope '{unknown}'.", nameof(scopes));
        }

        if (requested.Count == 0)
        {
            throw new ArgumentException("A client needs at least one scope.", nameof(scopes));
        }

        return [.. IntegrationScopes.All.Where(requested.Contains)];
    }

    /// <summary>Whether every one of <paramref name="scopes"/> was granted to the client.</summary>
    public bool Holds(IEnumerable<string> scopes) => scopes.All(s => Scopes.Contains(s, StringComparer.Ordinal));

    /// <summary>Ends the client: no new tokens, and its tokens stop working at once. Revoking again changes nothing.</summary>
    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}
