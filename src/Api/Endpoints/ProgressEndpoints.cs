using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Outcomes;
using ClinicHip.Application.RunningLoad;
using ClinicHip.Domain.Outcomes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>A patient's progress: training load and outcome scores, for the patient and clinicians.</summary>
public static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        var patient = app.MapGroup("/patients/{patientId:guid}").WithTags("Progress").RequireAuthorization(Policies.PatientProgress);
        patient.MapGet("/running-load", RunningLoad).Audited("RunningLoad").WithName("GetRunningLoad").ProducesProblem(StatusCodes.Status404NotFound);
        patient.MapPost("/running-load", RecordRunningLoad).Audited("RunningLoad").WithName("RecordRunningLoad")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        patient.MapGet("/outcomes", Outcomes).Audited("Outcome").WithName("GetOutcomes").ProducesProblem(StatusCodes.Status404NotFound);
        patient.MapPost("/outcomes", RecordOutcome).Audited("Outcome").WithName("RecordOutcome")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>A runner's weekly training load with its flags.</summary>
    /// <remarks>
    /// Each week with its change from the week before (flagged above +10 %) and its acute:chronic ratio, this week over
    /// the mean of the previous four (flagged above 1.5; only when all four are recorded).
    /// </remarks>
    /// <response code="200">The series, oldest week first.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<RunningLoadDto>> RunningLoad(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRunningLoadQuery(patientId), cancellationToken));

    /// <summary>Record a week of running.</summary>
    /// <remarks>By the patient or a clinician. Recording a week again replaces its figures.</remarks>
    /// <response code="200">The updated series.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<RunningLoadDto>> RecordRunningLoad(Guid patientId, RecordRunningLoadCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { PatientId = patientId }, cancellationToken));

    /// <summary>A patient's outcome scores over time.</summary>
    /// <remarks>
    /// Per instrument (NPRS, iHOT-12, HOOS), every completed measure with its change from the first (baseline) one and
    /// whether the improvement is meaningful: NPRS a drop of 2 points or 30 %; iHOT-12 and HOOS a rise of 10 points
    /// (configurable under Outcomes:MeaningfulChange).
    /// </remarks>
    /// <response code="200">One series per instrument.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Ok<IReadOnlyList<OutcomeSeries>>> Outcomes(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetOutcomesQuery(patientId), cancellationToken));

    /// <summary>Record a completed outcome measure.</summary>
    /// <remarks>By the patient for themself, or a clinician. Send NPRS as a score; iHOT-12 (12 items, 0–100) and HOOS (40 items, 0–4) as items. The server computes the scores.</remarks>
    /// <response code="201">The record with its scores.</response>
    /// <response code="400">Wrong number of items or values out of range.</response>
    /// <response code="404">No such patient, or another patient.</response>
    public static async Task<Created<OutcomeRecordDto>> RecordOutcome(Guid patientId, RecordOutcomeCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var record = await mediator.Send(command with { PatientId = patientId }, cancellationToken);
        return TypedResults.Created($"/api/patients/{patientId}/outcomes", record);
    }
}
