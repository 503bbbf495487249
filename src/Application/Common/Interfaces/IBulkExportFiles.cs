namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// Where bulk export files live: a folder every instance reads (docs/decisions/0033). Names are the worker's own
/// (<c>Patient-1.ndjson</c>); a name that is not one of a job's files is never opened.
/// </summary>
public interface IBulkExportFiles
{
    /// <summary>A new file of the job, to be written; an existing one is replaced.</summary>
    Stream Create(Guid jobId, string name);

    /// <summary>The file for reading, or null when there is none of that name.</summary>
    Stream? OpenRead(Guid jobId, string name);

    /// <summary>Removes the job's files, if any.</summary>
    void Delete(Guid jobId);
}

/// <summary>Wakes the export worker when an export is accepted on this instance, instead of waiting for its poll.</summary>
public interface IBulkExportSignal
{
    void JobAccepted();
}
