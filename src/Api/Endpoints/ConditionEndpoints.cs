using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Application.Conditions;
using ClinicHip.Domain.Conditions;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The condition catalogue.</summary>
public static class ConditionEndpoints
{
    public static IEndpointRouteBuilder MapConditionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/conditions", List).WithTags("Clinical").NotPatientData().WithName("ListConditions");
        return app;
    }

    /// <summary>List the coded hip conditions.</summary>
    /// <remarks>Name, region (lateral, anterior, medial, posterior, joint), a short description, and the ICD-10 code where it is unambiguous.</remarks>
    /// <response code="200">The catalogue.</response>
    public static async Task<Ok<IReadOnlyList<ConditionInfo>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListConditionsQuery(), cancellationToken));
}
