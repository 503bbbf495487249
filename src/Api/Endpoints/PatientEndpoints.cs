using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Patients;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Patient profiles.</summary>
public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/patients").WithTags("Patients").Audited("Patient");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.PatientProfiles).WithName("GetPatient").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Get a patient's profile.</summary>
    /// <remarks>A patient reads their own profile; staff read any. Another patient's id answers 404.</remarks>
    /// <response code="200">The patient profile.</response>
    /// <response code="404">No such patient, or not one the caller may see.</response>
    public static async Task<Ok<PatientProfileDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPatientQuery(id), cancellationToken));
}
