namespace ClinicHip.Domain.Idempotency;

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>, so a retry gets the same answer and
/// changes nothing. Keys are scoped to the caller who sent them.
/// </summary>
public sealed class IdempotentRequest
{
    public const int KeyMaxLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The caller: an account id, or an integration client's id.</summary>
    public Guid UserId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request's content: the same key with other content is refused.</summary>
    public required string RequestHash { get; init; }

    /// <summary>The first answer, as JSON.</summary>
    public required string ResponseJson { get; init; }

    public DateTime CreatedAtUtc { get; init; }
}
