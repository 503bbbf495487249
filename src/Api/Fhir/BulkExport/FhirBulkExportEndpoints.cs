using System.Globalization;
using System.Text.RegularExpressions;
using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.BulkExport;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.BulkExport;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Fhir.BulkExport;

/// <summary>
/// FHIR Bulk Data export (Bulk Data Access IG 2.0, docs/decisions/0033): the kick-off answers 202 with the status URL in
/// Content-Location; the status answers 202 with X-Progress while the worker writes, then the manifest; the files are
/// NDJSON downloads with the same authorization; DELETE on the status URL cancels. A job is its requester's (or an
/// administrator's): anyone else gets 404.
/// </summary>
public static partial class FhirBulkExportEndpoints
{
    public const string ExportOperation = "export";
    public const string StatusPath = "/$export-status";
    public const string FilePath = "/$export-file";
    public const string NdjsonMediaType = "application/fhir+ndjson";

    private const string TypeParameter = "_type";
    private const string SinceParameter = "_since";
    private const string OutputFormatParameter = "_outputFormat";

    /// <summary>The kick-off's parameters, documented in the FHIR OpenAPI document from this list.</summary>
    public static IReadOnlyList<(string Name, string Documentation)> Parameters { get; } =
    [
        (TypeParameter, "Comma-separated resource types to export (default: every type the caller may export); an unknown type answers 400."),
        (SinceParameter, "Only resources created or changed after this instant (e.g. 2026-12-01T00:00:00Z)."),
        (OutputFormatParameter, $"{NdjsonMediaType} (or application/ndjson, ndjson): the only format written."),
    ];

    private static readonly string[] NdjsonFormats = [NdjsonMediaType, "application/ndjson", "ndjson"];

    public static RouteGroupBuilder MapFhirBulkExport(this RouteGroupBuilder fhir)
    {
        ArgumentNullException.ThrowIfNull(fhir);
        fhir.MapGet($"/${ExportOperation}", ExportSystem).RequireAuthorization(Policies.BulkExport).Audited("BulkExport")
            .WithName("FhirBulkExport").Kickoff();
        fhir.MapGet($"/Patient/${ExportOperation}", ExportPatients).RequireAuthorization(Policies.BulkExport).Audited("BulkExport")
            .WithName("FhirPatientBulkExport").Kickoff();
        fhir.MapGet($"{StatusPath}/{{id:guid}}", Status).RequireAuthorization(Policies.BulkExport).NotPatientData().WithName("FhirBulkExportStatus")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status202Accepted)
            .Refusals();
        fhir.MapDelete($"{StatusPath}/{{id:guid}}", Cancel).RequireAuthorization(Policies.BulkExport).NotPatientData().WithName("FhirCancelBulkExport")
            .Produces(StatusCodes.Status202Accepted)
            .Refusals();
        fhir.MapGet($"{FilePath}/{{id:guid}}/{{name}}", Download).RequireAuthorization(Policies.BulkExport).Audited("BulkExport").WithName("FhirBulkExportFile")
            .Produces(StatusCodes.Status200OK, contentType: NdjsonMediaType)
            .Refusals();
        return fhir;
    }

    /// <summary>FHIR: export the system's data (Bulk Data kick-off).</summary>
    /// <remarks>
    /// Send Prefer: respond-async. Parameters: _type, _since, _outputFormat. Administrators export Patient, Practitioner,
    /// Schedule and Appointment; an integration client the types its SMART system scopes cover (system/*.rs or
    /// system/{Type}.rs). Poll the Content-Location URL until it answers the manifest.
    /// </remarks>
    /// <response code="202">Accepted: Content-Location holds the status URL.</response>
    /// <response code="400">No Prefer: respond-async, an unknown type or parameter, an unreadable _since, or another _outputFormat (OperationOutcome).</response>
    /// <response code="403">Not an administrator, or a client whose scopes do not cover the types (OperationOutcome).</response>
    public static Task<FhirResult> ExportSystem(HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        KickoffAsync(request, patientLevel: false, mediator, cancellationToken);

    /// <summary>FHIR: export all patients and their appointments (Bulk Data kick-off, Patient level).</summary>
    /// <remarks>As the system export, for the Patient compartment: Patient and Appointment.</remarks>
    /// <response code="202">Accepted: Content-Location holds the status URL.</response>
    /// <response code="400">No Prefer: respond-async, an unknown type or parameter, an unreadable _since, or another _outputFormat (OperationOutcome).</response>
    /// <response code="403">Not an administrator, or a client whose scopes do not cover the types (OperationOutcome).</response>
    public static Task<FhirResult> ExportPatients(HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        KickoffAsync(request, patientLevel: true, mediator, cancellationToken);

    /// <summary>FHIR: a bulk export's status, and its manifest once complete.</summary>
    /// <remarks>Its requester's, or any for an administrator.</remarks>
    /// <response code="200">Complete: the manifest (transactionTime, request, requiresAccessToken, output with type, url and count, error).</response>
    /// <response code="202">Still running: X-Progress says how far, Retry-After when to ask again.</response>
    /// <response code="404">No such export, another caller's, cancelled or expired (OperationOutcome).</response>
    public static async Task<IResult> Status(
        Guid id, HttpContext http, IMediator mediator, IOptions<BulkExportOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var job = await mediator.Send(new GetBulkExportQuery(id), cancellationToken);
        switch (job.Status)
        {
            case BulkExportStatus.Completed:
                var baseUrl = FhirAddress.Base(http.Request);
                return Results.Json(new BulkExportManifest(
                    job.TransactionTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture), job.Request, RequiresAccessToken: true,
                    [.. job.Output.Select(f => new BulkExportManifestFile(f.Type, $"{baseUrl}{FilePath}/{job.Id}/{f.Name}", f.Count))], []),
                    contentType: "application/json");
            case BulkExportStatus.Failed:
                return new FhirResult(Failure(job.Error), null, StatusCodes.Status500InternalServerError);
            default:
                http.Response.Headers["X-Progress"] = job.Progress ?? "Waiting to start";
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Value.PollInterval.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.StatusCode(StatusCodes.Status202Accepted);
        }
    }

    /// <summary>FHIR: cancel a bulk export and delete its files.</summary>
    /// <remarks>Its requester, or an administrator. Afterwards the status answers 404.</remarks>
    /// <response code="202">Cancelled.</response>
    /// <response code="404">No such export, another caller's, already cancelled or expired (OperationOutcome).</response>
    public static async Task<IResult> Cancel(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new CancelBulkExportCommand(id), cancellationToken);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>FHIR: download one file of a completed bulk export (NDJSON, one resource per line).</summary>
    /// <remarks>The same authorization as the status: the requester, or an administrator. Each download is audited with its type and count.</remarks>
    /// <response code="200">The file (application/fhir+ndjson).</response>
    /// <response code="404">No such file, or an export that is not the caller's, not complete, cancelled or expired (OperationOutcome).</response>
    public static async Task<BulkExportFileResult> Download(Guid id, string name, IMediator mediator, IBulkExportFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var job = await mediator.Send(new GetBulkExportQuery(id), cancellationToken);
        var file = (job.Status == BulkExportStatus.Completed ? job.Output.SingleOrDefault(f => f.Name == name) : null)
            ?? throw new NotFoundException("BulkExportFile", name);
        var stream = files.OpenRead(id, name) ?? throw new NotFoundException("BulkExportFile", name);
        return new BulkExportFileResult(stream, new BulkExportAudit(id, file.Type, file.Count));
    }

    private static async Task<FhirResult> KickoffAsync(HttpRequest request, bool patientLevel, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unknown = request.Query.Keys.FirstOrDefault(k => !Parameters.Any(p => p.Name == k) && k != "_format");
        if (unknown is not null)
        {
            throw ValidationException.For(unknown, $"Unsupported parameter '{unknown}'. Supported: {string.Join(", ", Parameters.Select(p => p.Name))}.");
        }

        if (!request.Headers["Prefer"].Any(p => p?.Split(',').Any(v => v.Trim() == "respond-async") == true))
        {
            throw ValidationException.For("Prefer", "A bulk export runs asynchronously: send Prefer: respond-async.");
        }

        var format = request.Query[OutputFormatParameter].ToString();
        if (format.Length > 0 && !NdjsonFormats.Contains(format, StringComparer.Ordinal))
        {
            throw ValidationException.For(OutputFormatParameter, $"Only {NdjsonMediaType} is written.");
        }

        var since = request.Query[SinceParameter].ToString() is { Length: > 0 } value
            ? Instant().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant
                : throw ValidationException.For(SinceParameter, "_since is an instant with its offset, e.g. 2026-12-01T00:00:00Z.")
            : (DateTimeOffset?)null;
        string[] types = [.. request.Query[TypeParameter].SelectMany(t => (t ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct()];

        var url = FhirAddress.Of(request, $"{request.Path}{request.QueryString}");
        var job = await mediator.Send(new StartBulkExportCommand(patientLevel, types, since, url), cancellationToken);
        request.HttpContext.Response.Headers.ContentLocation = $"{FhirAddress.Base(request)}{StatusPath}/{job.Id}";
        var accepted = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Information,
                    Code = OperationOutcome.IssueType.Informational,
                    Diagnostics = $"Export of {string.Join(", ", job.Types)} accepted; poll the Content-Location URL for its status.",
                },
            ],
        };
        return new FhirResult(accepted, new BulkExportAudit(job.Id, string.Join(',', job.Types), RowsShown: null), StatusCodes.Status202Accepted);
    }

    private static OperationOutcome Failure(string? error) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Exception,
                Diagnostics = $"The export failed{(error is null ? "" : $": {error}")}. Start it again; the error has been logged.",
            },
        ],
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();

    private static RouteHandlerBuilder Kickoff(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status202Accepted, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status400BadRequest, contentType: FhirJson.MediaType)
        .Refusals();

    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status401Unauthorized, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status403Forbidden, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status404NotFound, contentType: FhirJson.MediaType);
}

/// <summary>The manifest of a completed export (Bulk Data Access IG, "Response - Complete Status").</summary>
public sealed record BulkExportManifest(
    string TransactionTime, string Request, bool RequiresAccessToken, IReadOnlyList<BulkExportManifestFile> Output, IReadOnlyList<BulkExportManifestFile> Error);

/// <summary>One file of the manifest: its resource type, download URL and how many resources it holds.</summary>
public sealed record BulkExportManifestFile(string Type, string Url, int Count);

/// <summary>What the audit trail records of a kick-off (the types asked for) or a download (the file's type and count); the id is the job's.</summary>
public sealed record BulkExportAudit(Guid Id, string QueryKind, int? RowsShown) : IAuditSummary;

/// <summary>An export file, streamed from where the worker wrote it; <see cref="Value"/> is what the audit trail records of it.</summary>
public sealed class BulkExportFileResult(Stream file, BulkExportAudit audited) : IResult, IValueHttpResult, IStatusCodeHttpResult
{
    public object? Value => audited;

    public int? StatusCode => StatusCodes.Status200OK;

    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using (file)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = FhirBulkExportEndpoints.NdjsonMediaType;
            httpContext.Response.ContentLength = file.Length;
            await file.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
