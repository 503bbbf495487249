using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.BulkExport;

public enum BulkExportStatus
{
    /// <summary>Accepted; no instance has started it yet.</summary>
    Pending,

    /// <summary>An instance holds its lease and is writing the files.</summary>
    Running,

    /// <summary>Every file is written; the manifest lists them until the job expires.</summary>
    Completed,

    /// <summary>Writing failed; the status answers the error until the job expires.</summary>
    Failed,

    /// <summary>The requester cancelled it; its files are removed and its status answers 404.</summary>
    Cancelled,
}

/// <summary>
/// One FHIR Bulk Data export (docs/decisions/0033): who asked, for which resource types and changes since when, and
/// what was written. It belongs to its requester. Instances claim a pending job with a lease, as they claim outbox
/// rows, so a job runs once however many instances share the database; an expired lease lets another take it over.
/// </summary>
public sealed class BulkExportJob : ILeasedRow
{
    public const int TypesMaxLength = 200;
    public const int RequestMaxLength = 2000;
    public const int ProgressMaxLength = 200;

    private BulkExportJob()
    {
        Types = null!;
        RequestUrl = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The account that asked, or null when an integration client did.</summary>
    public Guid? RequestedByUserId { get; private set; }

    /// <summary>The integration client that asked, or null when a user did.</summary>
    public Guid? RequestedByClientId { get; private set; }

    /// <summary>The FHIR resource types exported, comma-separated, in the order they are written.</summary>
    public string Types { get; private set; }

    /// <summary>Only resources created or changed after this instant (<c>_since</c>).</summary>
    public DateTime? SinceUtc { get; private set; }

    /// <summary>The kick-off URL, as the manifest's <c>request</c> repeats it.</summary>
    public string RequestUrl { get; private set; }

    public BulkExportStatus Status { get; private set; }

    /// <summary>When the export was accepted: the manifest's <c>transactionTime</c>.</summary>
    public DateTime RequestedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    /// <summary>When the files are deleted and the status answers 404.</summary>
    public DateTime? ExpiresAtUtc { get; private set; }

    /// <summary>What is being written, for the X-Progress header.</summary>
    public string? Progress { get; private set; }

    /// <summary>The files written (type, file name, resource count per line), as JSON kept by the application.</summary>
    public string? OutputJson { get; private set; }

    public string? Error { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTime? LeasedUntilUtc { get; private set; }

    public IReadOnlyList<string> TypeList => Types.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static BulkExportJob Request(Guid? userId, Guid? clientId, IReadOnlyList<string> types, DateTime? sinceUtc, string request, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(request);
        if ((userId is null) == (clientId is null))
        {
            throw new ArgumentException("An export is requested by one user or one client.", nameof(userId));
        }

        return new BulkExportJob
        {
            Id = Guid.CreateVersion7(),
            RequestedByUserId = userId,
            RequestedByClientId = clientId,
            Types = string.Join(',', types),
            SinceUtc = sinceUtc,
            RequestUrl = request.Length > RequestMaxLength ? request[..RequestMaxLength] : request,
            Status = BulkExportStatus.Pending,
            RequestedAtUtc = nowUtc,
        };
    }

    /// <summary>Whether <paramref name="userId"/> or <paramref name="clientId"/> asked for it: only they (or an administrator) see it.</summary>
    public bool IsRequestedBy(Guid? userId, Guid? clientId) =>
        (userId is not null && RequestedByUserId == userId) || (clientId is not null && RequestedByClientId == clientId);

    /// <summary>Cancelled and expired jobs are gone for their requester: their status answers 404.</summary>
    public bool IsVisibleAt(DateTime nowUtc) => Status != BulkExportStatus.Cancelled && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);

    public void Cancel(DateTime nowUtc)
    {
        Status = BulkExportStatus.Cancelled;
        ExpiresAtUtc = nowUtc;
    }

    public void Complete(string outputJson, DateTime nowUtc, TimeSpan keptFor)
    {
        if (Status != BulkExportStatus.Running)
        {
            return;
        }

        Status = BulkExportStatus.Completed;
        OutputJson = outputJson;
        Progress = null;
        CompletedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + keptFor;
        LeaseOwner = null;
        LeasedUntilUtc = null;
    }

    public void Fail(string error, DateTime nowUtc, TimeSpan keptFor)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Status != BulkExportStatus.Running)
        {
            return;
        }

        Status = BulkExportStatus.Failed;
        Error = error.Length > ProgressMaxLength ? error[..ProgressMaxLength] : error;
        Progress = null;
        CompletedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + keptFor;
        LeaseOwner = null;
        LeasedUntilUtc = null;
    }
}
