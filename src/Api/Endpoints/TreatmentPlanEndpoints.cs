using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Treatment;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Treatment plans: written by clinicians, read by the patient once active.</summary>
public static class TreatmentPlanEndpoints
{
    /// <summary>The body of a discontinuation.</summary>
    /// <param name="Reason">Why the plan stops.</param>
    public sealed record DiscontinueRequest(string Reason);

    public static IEndpointRouteBuilder MapTreatmentPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/treatment-plans").WithTags("Clinical").Audited("TreatmentPlan");
        group.MapPost("/", Draft).RequireAuthorization(Policies.Clinician).WithName("DraftTreatmentPlan")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ClinicalRecords).WithName("GetTreatmentPlan").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/interventions", AddIntervention).RequireAuthorization(Policies.Clinician).WithName("AddIntervention")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:guid}/interventions/{interventionId:guid}", RemoveIntervention).RequireAuthorization(Policies.Clinician).WithName("RemoveIntervention")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/activate", (Guid id, IMediator m, CancellationToken ct) => Step(id, PlanStep.Activate, null, m, ct))
            .RequireAuthorization(Policies.Clinician).WithName("ActivateTreatmentPlan").WithSummary("Activate a draft plan.")
            .WithDescription("Draft becomes Active: the patient sees the plan from now on.").ProducesStepProblems();
        group.MapPost("/{id:guid}/complete", (Guid id, IMediator m, CancellationToken ct) => Step(id, PlanStep.Complete, null, m, ct))
            .RequireAuthorization(Policies.Clinician).WithName("CompleteTreatmentPlan").WithSummary("Complete an active plan.")
            .WithDescription("Active becomes Completed; the plan is kept read-only.").ProducesStepProblems();
        group.MapPost("/{id:guid}/discontinue", (Guid id, DiscontinueRequest body, IMediator m, CancellationToken ct) => Step(id, PlanStep.Discontinue, body.Reason, m, ct))
            .RequireAuthorization(Policies.Clinician).WithName("DiscontinueTreatmentPlan").WithSummary("Stop an open plan, with a reason.")
            .WithDescription("A Draft or Active plan becomes Discontinued; the reason is recorded with it.").ProducesStepProblems();
        group.MapPost("/{id:guid}/stress-fracture-clearance", (Guid id, IMediator m, CancellationToken ct) => Step(id, PlanStep.ClearStressFractureForRunning, null, m, ct))
            .RequireAuthorization(Policies.Clinician).WithName("ClearStressFractureForRunning")
            .WithSummary("Record that the patient is cleared to run again after a stress fracture.")
            .WithDescription("Until a clinician records clearance, running and return-to-run interventions are refused for a plan with a stress fracture.").ProducesStepProblems();
        group.MapGet("/{id:guid}/referral-summary", ReferralSummary).RequireAuthorization(Policies.Clinician).WithName("GetReferralSummary")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/patients/{patientId:guid}/treatment-plans", ListForPatient).RequireAuthorization(Policies.ClinicalRecords).WithTags("Clinical").Audited("TreatmentPlan")
            .WithName("ListPatientTreatmentPlans").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Draft a treatment plan after an assessment.</summary>
    /// <remarks>A clinician starts a Draft plan for the patient from one of their assessments; interventions are added next, then the plan is activated.</remarks>
    /// <response code="201">The draft plan.</response>
    /// <response code="404">No such patient, or the assessment is not theirs.</response>
    public static async Task<Created<TreatmentPlanDto>> Draft(DraftTreatmentPlanCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/treatment-plans/{plan.Id}", plan);
    }

    /// <summary>Get a treatment plan.</summary>
    /// <remarks>Clinicians read every plan; a patient reads their own once active (and past ones).</remarks>
    /// <response code="200">The plan.</response>
    /// <response code="404">No such plan, a draft (for a patient), or another patient's.</response>
    public static async Task<Ok<TreatmentPlanDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTreatmentPlanQuery(id), cancellationToken));

    /// <summary>Add an intervention to an open plan.</summary>
    /// <remarks>
    /// Set kind (Rest, IceOrHeat, Medication, Physiotherapy, Injection, SurgicalReferral, ReturnToRun) and the member of
    /// that name. Safety rules: at most 3 corticosteroid injections to one site and side in 12 months, 6 weeks apart;
    /// no running or return to run with a stress fracture until cleared; a surgical referral needs an indication or 12
    /// weeks of conservative care; ice at most 20 minutes a session (thresholds configurable). A broken rule answers 422
    /// naming it, unless overrideReason is given: then the override is recorded with the intervention and logged.
    /// </remarks>
    /// <response code="200">The plan with the new intervention.</response>
    /// <response code="409">The plan is closed.</response>
    /// <response code="422">A safety rule refuses it.</response>
    /// <response code="412">The plan changed since the If-Match version.</response>
    public static async Task<Ok<TreatmentPlanDto>> AddIntervention(
        Guid id, AddInterventionCommand command, HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { PlanId = id, ExpectedVersion = request.IfMatchVersion() }, cancellationToken));

    /// <summary>Remove an intervention from an open plan.</summary>
    /// <remarks>Only while the plan is Draft or Active; a completed or discontinued plan keeps its interventions.</remarks>
    /// <response code="200">The plan without it.</response>
    /// <response code="404">No such plan or intervention.</response>
    /// <response code="409">The plan is closed.</response>
    public static async Task<Ok<TreatmentPlanDto>> RemoveIntervention(Guid id, Guid interventionId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RemoveInterventionCommand(id, interventionId), cancellationToken));

    /// <summary>The referral summary for the surgeon.</summary>
    /// <remarks>Diagnoses, imaging, treatments tried and the outcome-score history.</remarks>
    /// <response code="200">The summary.</response>
    /// <response code="404">No such plan, or it has no surgical referral.</response>
    public static async Task<Ok<ReferralSummaryDto>> ReferralSummary(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetReferralSummaryQuery(id), cancellationToken));

    /// <summary>A patient's treatment plans, newest first.</summary>
    /// <remarks>Clinicians see every plan, drafts included; a patient sees their own active and past plans.</remarks>
    /// <response code="200">All for clinicians; active and past ones for the patient.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<IReadOnlyList<TreatmentPlanDto>>> ListForPatient(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListPatientTreatmentPlansQuery(patientId), cancellationToken));

    private static async Task<Ok<TreatmentPlanDto>> Step(Guid id, PlanStep step, string? reason, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ChangeTreatmentPlanCommand(id, step, reason), cancellationToken));

    private static RouteHandlerBuilder ProducesStepProblems(this RouteHandlerBuilder builder) => builder
        .Produces<TreatmentPlanDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
