using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.OpenApi;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Locations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The clinic's locations: where in-person appointments happen and whose clock working hours are read on.</summary>
public static class LocationEndpoints
{
    public static IEndpointRouteBuilder MapLocationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/locations").WithTags("Locations").NotPatientData();
        group.MapGet("/", List).RequireAuthorization(Policies.SchedulingReads).WithName("ListLocations");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SchedulingReads).WithName("GetLocation").Sends(ResponseHeader.ETag).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).WithName("CreateLocation").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateLocation").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/deactivate", Deactivate).RequireAuthorization(Policies.Admin).WithName("DeactivateLocation").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    /// <summary>List the clinic's locations.</summary>
    /// <remarks>
    /// Every signed-in caller, to choose where to book in person (the locationId of /api/availability and of a booking).
    /// Patients and integration clients see the locations taking bookings; staff see deactivated ones too.
    /// </remarks>
    /// <response code="200">The locations, by name.</response>
    public static async Task<Ok<IReadOnlyList<LocationDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListLocationsQuery(), cancellationToken));

    /// <summary>Get a location.</summary>
    /// <remarks>Its address, phone and time zone. The ETag header carries the version. A deactivated location is for staff only.</remarks>
    /// <response code="200">The location.</response>
    /// <response code="404">No such location.</response>
    public static async Task<Ok<LocationDto>> Get(Guid id, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var location = await mediator.Send(new GetLocationQuery(id), cancellationToken);
        response.SetETag(location.Version);
        return TypedResults.Ok(location);
    }

    /// <summary>Open a location.</summary>
    /// <remarks>
    /// Administrators. Without a time zone the location keeps the clinic's (the clinic setting); give one (e.g.
    /// Australia/Perth) for a location on another clock. Then list it on the appointment types offered there and put
    /// clinicians' working hours at it.
    /// </remarks>
    /// <response code="201">The new location.</response>
    /// <response code="400">A field is missing or malformed (e.g. a phone number that cannot exist).</response>
    /// <response code="409">A location with this name exists.</response>
    /// <response code="422">Unknown time zone.</response>
    public static async Task<Created<LocationDto>> Create(CreateLocationCommand command, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var location = await mediator.Send(command, cancellationToken);
        response.SetETag(location.Version);
        return TypedResults.Created($"/api/locations/{location.Id}", location);
    }

    /// <summary>Change a location.</summary>
    /// <remarks>
    /// Administrators, with If-Match (412 when someone changed it first). Booked appointments keep their instants; a new time
    /// zone moves the instants of working hours there, which keep their wall-clock times.
    /// </remarks>
    /// <response code="200">The changed location.</response>
    /// <response code="404">No such location.</response>
    /// <response code="409">Another location has this name.</response>
    /// <response code="412">Changed since the If-Match version.</response>
    /// <response code="422">Unknown time zone.</response>
    public static async Task<Ok<LocationDto>> Update(
        Guid id, UpdateLocationCommand command, HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var location = await mediator.Send(command with { Id = id, ExpectedVersion = request.RequiredIfMatchVersion("location") }, cancellationToken);
        response.SetETag(location.Version);
        return TypedResults.Ok(location);
    }

    /// <summary>Deactivate a location.</summary>
    /// <remarks>
    /// Administrators (If-Match optional). It stops taking bookings and keeps its history. Refused with 409 while in-person
    /// appointments there are still to come (reschedule or cancel them first), or when it is the only active location.
    /// </remarks>
    /// <response code="200">The deactivated location.</response>
    /// <response code="400">A malformed If-Match.</response>
    /// <response code="404">No such location.</response>
    /// <response code="409">Appointments still to come there, or the clinic's last active location.</response>
    /// <response code="412">Changed since the If-Match version.</response>
    public static async Task<Ok<LocationDto>> Deactivate(Guid id, HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var location = await mediator.Send(new DeactivateLocationCommand(id) { ExpectedVersion = request.IfMatchVersion() }, cancellationToken);
        response.SetETag(location.Version);
        return TypedResults.Ok(location);
    }
}
