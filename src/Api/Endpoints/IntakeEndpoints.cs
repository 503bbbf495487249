using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Intake;
using ClinicHip.Domain.Intake;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Hip-pain intake forms with their triage.</summary>
public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/intake-forms").WithTags("Intake").Audited("IntakeForm");
        forms.MapPost("/", Submit).RequireAuthorization(Policies.IntakeSubmission).WithName("SubmitIntakeForm")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        forms.MapGet("/", WorkList).RequireAuthorization(Policies.Staff).WithName("ListIntakeForms").ProducesValidationProblem();
        forms.MapGet("/{id:guid}", Get).WithName("GetIntakeForm").ProducesProblem(StatusCodes.Status404NotFound);
        forms.MapPost("/{id:guid}/review", Review).RequireAuthorization(Policies.Clinician).WithName("ReviewIntakeForm")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var patients = app.MapGroup("/patients/{patientId:guid}").WithTags("Intake").Audited("IntakeForm");
        patients.MapGet("/intake-forms", ListForPatient).WithName("ListPatientIntakeForms").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Submit a hip-pain intake form.</summary>
    /// <remarks>
    /// By the patient for themself (optionally for an upcoming appointment), or by the front desk or a clinician on the
    /// patient's behalf (recorded as such). The answer carries the triage: level, red flags, conditions to consider
    /// (decision support, not a diagnosis) and whether an in-person assessment is required. Forms never change: to
    /// correct one, submit the whole form again with supersedesId. The mileage answers seed the running-load series.
    /// </remarks>
    /// <response code="201">The form with its triage (the clinical part only for the patient and clinicians).</response>
    /// <response code="400">A missing or malformed answer: pain outside 0–10, a temperature outside 34–43 °C, an unknown value, a date in the future, text too long, or an answer to a question this patient is not asked (docs/clinical-basis.md#who-is-asked-what).</response>
    /// <response code="403">A patient submitting for someone else.</response>
    /// <response code="404">No such patient, appointment or form to correct.</response>
    /// <response code="409">The form to correct was already corrected.</response>
    public static async Task<Created<IntakeFormDto>> Submit(SubmitIntakeFormCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var form = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/intake-forms/{form.Id}", form);
    }

    /// <summary>The intake work list (staff).</summary>
    /// <remarks>Current forms, Urgent first, then Soon, then Routine, longest-waiting first. Summaries only: no clinical answers.</remarks>
    /// <param name="triageLevel">Only Routine, Soon or Urgent.</param>
    /// <param name="status">Only Submitted, Reviewed or Superseded (default: Submitted and Reviewed).</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of the work list.</response>
    public static async Task<Ok<PagedList<IntakeFormDto>>> WorkList(
        TriageLevel? triageLevel, IntakeStatus? status, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListIntakeFormsQuery(triageLevel, status, page ?? 1, pageSize ?? PagedList.DefaultPageSize), cancellationToken));

    /// <summary>Get an intake form.</summary>
    /// <remarks>Clinicians and the patient see the answers and the triage detail; the front desk and administrators the summary only.</remarks>
    /// <response code="200">The form.</response>
    /// <response code="404">No such form, or another patient's.</response>
    public static async Task<Ok<IntakeFormDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetIntakeFormQuery(id), cancellationToken));

    /// <summary>Mark an intake form as reviewed (clinician).</summary>
    /// <remarks>Submitted becomes Reviewed, with the reviewing clinician and the time recorded. The answers never change: a correction is a new version.</remarks>
    /// <response code="200">The reviewed form.</response>
    /// <response code="409">Already reviewed, or superseded.</response>
    public static async Task<Ok<IntakeFormDto>> Review(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ReviewIntakeFormCommand(id), cancellationToken));

    /// <summary>A patient's intake forms, newest first.</summary>
    /// <remarks>Every version, corrections included. The patient and clinicians see the answers and the triage; the front desk and administrators the summary only.</remarks>
    /// <response code="200">Every version, newest first.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<IReadOnlyList<IntakeFormDto>>> ListForPatient(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListPatientIntakeFormsQuery(patientId), cancellationToken));
}
