using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Application.BulkExport;

/// <summary>FHIR Bulk Data export (<c>FhirExport:*</c>, docs/decisions/0033).</summary>
public sealed class BulkExportOptions
{
    public const string SectionName = "FhirExport";

    /// <summary>
    /// Where the NDJSON files are written: a folder every instance reads (a shared volume when there are several). Relative
    /// paths are under the content root; by default <c>data/fhir-export</c>, beside the Development database.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "FhirExport:Directory must name a folder.")]
    public string Directory { get; set; } = Path.Combine("data", "fhir-export");

    /// <summary>How long a finished export's files are kept before the worker deletes them and its status answers 404.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "FhirExport:Retention must be between {1} and {2}.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rows read per database round trip: what the worker holds in memory at once.</summary>
    [Range(1, 100_000, ErrorMessage = "FhirExport:BatchSize must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 1000;

    /// <summary>A type with more resources continues in a further file (<c>Appointment-2.ndjson</c>).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "FhirExport:MaxResourcesPerFile must be at least {1}.")]
    public int MaxResourcesPerFile { get; set; } = 100_000;

    /// <summary>How often the worker looks for accepted exports another instance took, and for expired ones.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "FhirExport:PollInterval must be between {1} and {2}.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed export is this instance's alone; renewed with every batch, taken over when it lapses.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "FhirExport:LeaseDuration must be between {1} and {2}.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether this instance runs the export worker (several may share a database; at least one must).</summary>
    public bool WorkerEnabled { get; set; } = true;
}
