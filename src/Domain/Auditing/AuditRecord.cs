namespace ClinicHip.Domain.Auditing;

/// <summary>
/// One access to patient data: who (a user or an integration client), in which role, did what to which record of which patient, when, from where, and
/// how it ended. Never the data itself. Append-only: nothing in the API changes or removes one, and the database
/// refuses updates and deletes.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    public Guid? UserId { get; init; }

    /// <summary>The integration client that acted, when the caller was one (then there is no user).</summary>
    public Guid? ClientId { get; init; }

    public required string Roles { get; init; }

    /// <summary>The operation, by its API name (e.g. <c>GetIntakeForm</c>).</summary>
    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public Guid? PatientId { get; init; }

    /// <summary>Success, NotFound, Denied, Rejected or Failed.</summary>
    public required string Outcome { get; init; }

    public int StatusCode { get; init; }

    public string? TraceId { get; init; }

    public string? ClientAddress { get; init; }

    /// <summary>A patient search: how many rows it showed (one record per search, whatever the number).</summary>
    public int? RowsShown { get; init; }

    /// <summary>A patient search: which filters it used, by name only (e.g. <c>phone,search</c>), never what was typed.</summary>
    public string? QueryKind { get; init; }

    /// <summary>A patient search: the ids of the patients it showed, comma-separated, for an investigation to find.</summary>
    public string? ShownPatientIds { get; init; }
}
