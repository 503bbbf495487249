using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Assessments;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Clinicians' assessments: drafted, signed, then only added to.</summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/assessments").WithTags("Clinical").Audited("Assessment");
        group.MapPost("/", Start).RequireAuthorization(Policies.Clinician).WithName("StartAssessment")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}", Revise).RequireAuthorization(Policies.Clinician).WithName("ReviseAssessment")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/sign", Sign).RequireAuthorization(Policies.Clinician).WithName("SignAssessment")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/addenda", AddAddendum).RequireAuthorization(Policies.Clinician).WithName("AddAssessmentAddendum")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ClinicalRecords).WithName("GetAssessment").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/patients/{patientId:guid}/assessments", ListForPatient).RequireAuthorization(Policies.ClinicalRecords).WithTags("Clinical").Audited("Assessment")
            .WithName("ListPatientAssessments").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Start an assessment (draft).</summary>
    /// <remarks>
    /// For a patient at one of their appointments: subjective summary, range of motion, tenderness, special tests,
    /// diagnoses (one primary), imaging requests and notes. Clinical consistency warnings come back with it; they never
    /// block it.
    /// </remarks>
    /// <response code="201">The draft with its warnings.</response>
    /// <response code="404">No such patient, or the appointment is not theirs.</response>
    /// <response code="422">Not exactly one primary diagnosis, or a morphology on a non-FAI diagnosis.</response>
    public static async Task<Created<AssessmentDto>> Start(StartAssessmentCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var assessment = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/assessments/{assessment.Id}", assessment);
    }

    /// <summary>Revise a draft (its author only).</summary>
    /// <remarks>Send If-Match with the version you read (required: 428 without it): the change is refused (412) if the draft changed meanwhile.</remarks>
    /// <response code="200">The revised draft.</response>
    /// <response code="403">Not the author.</response>
    /// <response code="409">Signed: add an addendum instead.</response>
    /// <response code="412">Changed since the If-Match version.</response>
    public static async Task<Ok<AssessmentDto>> Revise(Guid id, ReviseAssessmentCommand command, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id, ExpectedVersion = request.RequiredIfMatchVersion("assessment") }, cancellationToken));

    /// <summary>Sign an assessment (its author only). A signed assessment is never edited.</summary>
    /// <remarks>Locks the assessment: from now on it is only added to with addenda. Patients see it (summary and diagnoses) once signed.</remarks>
    /// <response code="200">The signed assessment.</response>
    /// <response code="403">Not the author.</response>
    /// <response code="409">Already signed.</response>
    public static async Task<Ok<AssessmentDto>> Sign(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SignAssessmentCommand(id), cancellationToken));

    /// <summary>Add an addendum to a signed assessment (any clinician; author and time recorded).</summary>
    /// <remarks>The signed text stays as it was; the addendum is appended with its author and time.</remarks>
    /// <response code="200">The assessment with the addendum.</response>
    /// <response code="409">Still a draft: edit it instead.</response>
    public static async Task<Ok<AssessmentDto>> AddAddendum(Guid id, AddAddendumCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Get an assessment.</summary>
    /// <remarks>Clinicians read every assessment in full. A patient reads their own signed assessments: summary and diagnoses.</remarks>
    /// <response code="200">The assessment.</response>
    /// <response code="404">No such assessment, a draft (for a patient), or another patient's.</response>
    public static async Task<Ok<AssessmentDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAssessmentQuery(id), cancellationToken));

    /// <summary>A patient's assessments, newest first.</summary>
    /// <remarks>Clinicians see every assessment, drafts included; a patient sees their own signed ones, as a summary with the diagnoses.</remarks>
    /// <response code="200">All of them for clinicians; the signed ones (summary and diagnoses) for the patient.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<IReadOnlyList<AssessmentDto>>> ListForPatient(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListPatientAssessmentsQuery(patientId), cancellationToken));
}
