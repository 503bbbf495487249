using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.OpenApi;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Scheduling.AppointmentTypes;
using ClinicHip.Application.Scheduling.Settings;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The clinic's diary rules and the appointment types it offers.</summary>
public static class ClinicEndpoints
{
    public static IEndpointRouteBuilder MapClinicEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/clinic/settings").WithTags("Clinic").NotPatientData();
        settings.MapGet("/", GetSettings).RequireAuthorization(Policies.SchedulingReads).WithName("GetClinicSettings").Sends(ResponseHeader.ETag);
        settings.MapPut("/", UpdateSettings).RequireAuthorization(Policies.Admin).WithName("UpdateClinicSettings").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var types = app.MapGroup("/appointment-types").WithTags("Appointment types").NotPatientData();
        types.MapGet("/", ListTypes).RequireAuthorization(Policies.SchedulingReads).WithName("ListAppointmentTypes");
        types.MapPost("/", CreateType).RequireAuthorization(Policies.Admin).WithName("CreateAppointmentType")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        types.MapPut("/{id:guid}", UpdateType).RequireAuthorization(Policies.Admin).WithName("UpdateAppointmentType")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>Get the clinic's diary rules.</summary>
    /// <remarks>Time zone, online-booking notice and horizon, late-cancellation and telehealth windows. The ETag header carries the version.</remarks>
    /// <response code="200">The settings.</response>
    public static async Task<Ok<ClinicSettingsDto>> GetSettings(HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var settings = await mediator.Send(new GetClinicSettingsQuery(), cancellationToken);
        response.SetETag(settings.Version);
        return TypedResults.Ok(settings);
    }

    /// <summary>Change the clinic's diary rules.</summary>
    /// <remarks>Send If-Match with the ETag you read (required: 428 without it): the change is refused (412) if someone else changed the settings first.</remarks>
    /// <response code="200">The new settings.</response>
    /// <response code="412">The settings changed since the If-Match version.</response>
    /// <response code="422">Unknown time zone or durations out of range.</response>
    public static async Task<Ok<ClinicSettingsDto>> UpdateSettings(
        UpdateClinicSettingsCommand command, HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var settings = await mediator.Send(command with { ExpectedVersion = request.RequiredIfMatchVersion("clinic settings") }, cancellationToken);
        response.SetETag(settings.Version);
        return TypedResults.Ok(settings);
    }

    /// <summary>List appointment types.</summary>
    /// <remarks>Patients see the active types they may book online; staff see all.</remarks>
    /// <response code="200">The types, by name.</response>
    public static async Task<Ok<IReadOnlyList<AppointmentTypeDto>>> ListTypes(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListAppointmentTypesQuery(), cancellationToken));

    /// <summary>Add an appointment type.</summary>
    /// <remarks>Administrators define what can be booked: its length, the buffer kept free after it, in person, telehealth or either, and whether patients may book it online. New types are active.</remarks>
    /// <response code="201">The new type.</response>
    /// <response code="409">A type with this name exists.</response>
    /// <response code="422">Duration or buffer off the 5-minute grid.</response>
    public static async Task<Created<AppointmentTypeDto>> CreateType(SaveAppointmentTypeCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var type = await mediator.Send(command with { Id = null }, cancellationToken);
        return TypedResults.Created($"/api/appointment-types/{type.Id}", type);
    }

    /// <summary>Change an appointment type.</summary>
    /// <remarks>Booked appointments keep their times; deactivate a type to stop offering it.</remarks>
    /// <response code="200">The changed type.</response>
    /// <response code="404">No such type.</response>
    public static async Task<Ok<AppointmentTypeDto>> UpdateType(Guid id, SaveAppointmentTypeCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));
}
