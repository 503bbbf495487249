namespace ClinicHip.Infrastructure.Identity;

/// <summary>
/// One single-use refresh token. Only its SHA-256 hash is stored. Tokens rotated from one sign-in share a
/// <see cref="FamilyId"/>, so presenting a spent token can revoke every token of that sign-in.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public Guid FamilyId { get; init; }

    public required string TokenHash { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime ExpiresAtUtc { get; init; }

    /// <summary>When it was exchanged for a new pair; a second exchange is reuse.</summary>
    public DateTime? ConsumedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}
