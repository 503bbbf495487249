using System.Text.RegularExpressions;
using ClinicHip.Application.BulkExport;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.BulkExport;

/// <summary>
/// Export files in <c>FhirExport:Directory</c>, one folder per job (docs/decisions/0033). A file name is accepted only in
/// the worker's own form (<c>Type-n.ndjson</c>), so a name in a download URL never reaches outside the job's folder.
/// </summary>
internal sealed partial class BulkExportFiles(IOptions<BulkExportOptions> options, IHostEnvironment environment) : IBulkExportFiles
{
    private readonly string root = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public Stream Create(Guid jobId, string name)
    {
        var folder = Directory.CreateDirectory(Folder(jobId));
        return new FileStream(Path.Combine(folder.FullName, Checked(name)), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
    }

    public Stream? OpenRead(Guid jobId, string name)
    {
        if (!FileName().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(Folder(jobId), name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    public void Delete(Guid jobId)
    {
        var folder = Folder(jobId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Folder(Guid jobId) => Path.Combine(root, jobId.ToString("N"));

    private static string Checked(string name) =>
        FileName().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not an export file name.", nameof(name));

    [GeneratedRegex("^[A-Z][A-Za-z]{1,40}-[0-9]{1,6}\\.ndjson$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
