using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.RunningLoad;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ClinicHip.Api.Endpoints;

/// <summary>A runner's own training files: uploaded as recorded, read into the weekly running load.</summary>
public static class TrainingFileEndpoints
{
    /// <summary>The media types an upload may have, and what each holds.</summary>
    private static readonly Dictionary<string, TrainingUploadKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/gpx+xml"] = TrainingUploadKind.Gpx,
        ["application/vnd.garmin.tcx+xml"] = TrainingUploadKind.Tcx,
        ["application/vnd.ant.fit"] = TrainingUploadKind.Fit,
        ["application/zip"] = TrainingUploadKind.Zip,
    };

    public static IEndpointRouteBuilder MapTrainingFileEndpoints(this IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/patients/{patientId:guid}").WithTags("Progress");
        patient.MapPost("/training-files", Upload).RequireAuthorization(Policies.TrainingFileUpload).Audited("TrainingRun").WithName("UploadTrainingFiles")
            .Accepts<Stream>(false, "application/gpx+xml", "application/vnd.garmin.tcx+xml", "application/vnd.ant.fit", "application/zip")
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        patient.MapGet("/training-runs", List).RequireAuthorization(Policies.PatientProgress).Audited("TrainingRun").WithName("ListTrainingRuns")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        patient.MapDelete("/training-runs/{runId:guid}", Delete).RequireAuthorization(Policies.PatientProgress).Audited("TrainingRun").WithName("DeleteTrainingRun")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Upload training files: one GPX, TCX or FIT file, or a zip archive of them.</summary>
    /// <remarks>
    /// By the patient, a clinician, or an integration client with `training-files:write`. Send the file as the body with
    /// its media type: `application/gpx+xml`, `application/vnd.garmin.tcx+xml`, `application/vnd.ant.fit`, or
    /// `application/zip` for a watch platform's bulk export (entries ending .gpx, .tcx or .fit, each possibly .gz; other
    /// entries are ignored). Each activity is read for its start, distance, moving time and ascent and filed under its
    /// week in the clinic's zone; runs count towards the weekly running load, other sports are kept but not counted. An
    /// activity already held (the same file again, or the same run from a second device: starts within 2 minutes, distances
    /// within 5 %) is skipped, so sending a file twice adds nothing. All or nothing: a file that cannot be read, an archive
    /// over the limits or naming paths outside itself, an activity in the future or at an impossible speed refuses the
    /// whole upload with a 422 naming the problem, and nothing is stored.
    /// </remarks>
    /// <response code="200">What was added.</response>
    /// <response code="404">No such patient, or another patient.</response>
    /// <response code="422">A file that cannot be read or stored safely; `code` says why.</response>
    public static async Task<Ok<TrainingUploadDto>> Upload(Guid patientId, HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        // The accepted media types are declared below, so any other was answered 415 before this runs.
        var kind = Kinds[MediaTypeHeaderValue.Parse(request.ContentType).MediaType.Value!];
        return TypedResults.Ok(await mediator.Send(new UploadTrainingFilesCommand(patientId, kind, request.Body), cancellationToken));
    }

    /// <summary>The activities read from a runner's training files.</summary>
    /// <remarks>Newest first, paged; the patient's own, or any patient's for a clinician.</remarks>
    /// <param name="patientId">The runner.</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of activities.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<PagedList<TrainingRunDto>>> List(Guid patientId, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListTrainingRunsQuery(patientId, page ?? 1, pageSize ?? PagedList.DefaultPageSize), cancellationToken));

    /// <summary>Remove an activity read from a training file.</summary>
    /// <remarks>A wrong file, or someone else's run on a shared watch: its week of running load is worked out again without it.</remarks>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such activity, or another patient's.</response>
    public static async Task<NoContent> Delete(Guid patientId, Guid runId, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteTrainingRunCommand(patientId, runId), cancellationToken);
        return TypedResults.NoContent();
    }
}
