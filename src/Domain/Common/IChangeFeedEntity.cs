namespace ClinicHip.Domain.Common;

/// <summary>
/// A record a client keeps a local copy of through a change feed (docs/decisions/0031). The persistence layer moves
/// <see cref="ChangedAtUtc"/> on every save that creates or changes the record, so the feed reads records in
/// (ChangedAtUtc, id) order and a record changed again comes round again.
/// </summary>
public interface IChangeFeedEntity
{
    /// <summary>When the record was last saved with a change, or created: never null, unlike the modified stamp.</summary>
    DateTime ChangedAtUtc { get; }
}
