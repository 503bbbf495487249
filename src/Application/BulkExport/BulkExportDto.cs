using System.Text.Json;
using ClinicHip.Domain.BulkExport;

namespace ClinicHip.Application.BulkExport;

/// <summary>One NDJSON file of an export: the resource type, its name under the job, and how many resources (lines) it holds.</summary>
public sealed record BulkExportFileDto(string Type, string Name, int Count);

/// <summary>An export as its requester sees it: the manifest's content once complete, the progress while it runs.</summary>
public sealed record BulkExportJobDto(
    Guid Id, BulkExportStatus Status, IReadOnlyList<string> Types, DateTimeOffset TransactionTime, string Request, string? Progress,
    IReadOnlyList<BulkExportFileDto> Output, string? Error)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BulkExportJobDto From(BulkExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(
            job.Id, job.Status, job.TypeList, new DateTimeOffset(job.RequestedAtUtc, TimeSpan.Zero), job.RequestUrl, job.Progress,
            job.OutputJson is null ? [] : JsonSerializer.Deserialize<List<BulkExportFileDto>>(job.OutputJson, Json) ?? [], job.Error);
    }

    /// <summary>The files as the job row keeps them.</summary>
    public static string OutputJson(IReadOnlyList<BulkExportFileDto> files) => JsonSerializer.Serialize(files, Json);
}
