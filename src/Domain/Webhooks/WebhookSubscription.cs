namespace ClinicHip.Domain.Webhooks;

/// <summary>
/// An integration's request to be told of events: where to POST them, which ones, and the secret that signs them
/// (kept protected at rest; see docs/decisions/0010). Deleting one keeps its delivery log.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 2048;
    public const int DescriptionMaxLength = 500;

    private WebhookSubscription()
    {
        Url = null!;
        Events = null!;
        ProtectedSecret = null!;
    }

    public Guid Id { get; private set; }

    public string Url { get; private set; }

    public string[] Events { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The signing secret, encrypted with the API's data-protection keys.</summary>
    public string ProtectedSecret { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The staff account that created it; null when an integration client did.</summary>
    public Guid? CreatedByUserId { get; private set; }

    /// <summary>The integration client that created it and alone may see and manage it (besides an Admin).</summary>
    public Guid? CreatedByClientId { get; private set; }

    public DateTime? DeletedAtUtc { get; private set; }

    public bool IsDeleted => DeletedAtUtc is not null;

    /// <summary>Creates a subscription owned by its creator: a staff account or an integration client, exactly one of them.</summary>
    public static WebhookSubscription Create(
        Uri url, IEnumerable<string> events, string? description, string protectedSecret, Guid? createdByUserId, Guid? createdByClientId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);
        if (createdByUserId.HasValue == createdByClientId.HasValue)
        {
            throw new ArgumentException("A subscription is created by one staff account or one integration client.", nameof(createdByClientId));
        }

        return new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Url = url.AbsoluteUri,
            Events = events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            ProtectedSecret = protectedSecret,
            CreatedByUserId = createdByUserId,
            CreatedByClientId = createdByClientId,
            CreatedAtUtc = nowUtc,
        };
    }

    public bool Wants(string eventType) => !IsDeleted && Events.Contains(eventType, StringComparer.Ordinal);

    public void Delete(DateTime nowUtc) => DeletedAtUtc ??= nowUtc;
}
