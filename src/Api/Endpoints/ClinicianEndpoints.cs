using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.OpenApi;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Scheduling.CalendarFeed;
using ClinicHip.Application.Scheduling.Clinicians;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Endpoints;

/// <summary>Clinicians' diaries: who can be booked, working hours and time off.</summary>
public static class ClinicianEndpoints
{
    public static IEndpointRouteBuilder MapClinicianEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/clinicians").WithTags("Clinicians").NotPatientData();
        group.MapGet("/", List).RequireAuthorization(Policies.SchedulingReads).WithName("ListClinicians");
        group.MapGet("/{id:guid}/working-hours", GetWorkingHours).RequireAuthorization(Policies.Staff).WithName("GetWorkingHours").Sends(ResponseHeader.ETag)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/working-hours", SetWorkingHours).RequireAuthorization(Policies.DiaryManagement).WithName("SetWorkingHours").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}/time-off", ListTimeOff).RequireAuthorization(Policies.Staff).WithName("ListTimeOff")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/time-off", AddTimeOff).RequireAuthorization(Policies.DiaryManagement).WithName("AddTimeOff")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/time-off/{timeOffId:guid}", RemoveTimeOff).RequireAuthorization(Policies.DiaryManagement).WithName("RemoveTimeOff")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/calendar-token", PublishCalendarFeed).RequireAuthorization(Policies.DiaryManagement).WithName("PublishCalendarFeed")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}/calendar-token", WithdrawCalendarFeed).RequireAuthorization(Policies.DiaryManagement).WithName("WithdrawCalendarFeed")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        // Calendar apps cannot send a bearer token: the feed's own token, in its address, is the credential.
        app.MapGet("/clinicians/{id:guid}/calendar.ics", CalendarFeed).AllowAnonymous().Audited("ClinicianCalendar").WithTags("Clinicians")
            .WithName("GetClinicianCalendarFeed").Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>List the clinicians patients can book.</summary>
    /// <remarks>Every signed-in caller may list them, to choose a clinician for /api/availability and booking.</remarks>
    /// <response code="200">Bookable clinicians, by name.</response>
    public static async Task<Ok<IReadOnlyList<BookableClinicianDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListCliniciansQuery(), cancellationToken));

    /// <summary>Publish a clinician's calendar feed, or give it a new address.</summary>
    /// <remarks>
    /// The clinician themself or an administrator. The answer holds the feed's address with its token, shown this once
    /// (only a hash is kept); subscribe to it from a phone or desktop calendar. An earlier address stops working.
    /// </remarks>
    /// <response code="200">The feed's address.</response>
    /// <response code="403">Another clinician's diary.</response>
    /// <response code="404">No such clinician.</response>
    public static async Task<Ok<CalendarFeedAddressDto>> PublishCalendarFeed(
        Guid id, HttpResponse response, IOptions<PublicAddressOptions> publicAddress, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(publicAddress);
        var published = await mediator.Send(new PublishCalendarFeedCommand(id), cancellationToken);
        response.Headers.CacheControl = "no-store";
        var url = publicAddress.Value.Resolve($"/api/clinicians/{id}/calendar.ics?token={Uri.EscapeDataString(published.Token)}");
        return TypedResults.Ok(new CalendarFeedAddressDto(url, published.PublishedAt));
    }

    /// <summary>Withdraw a clinician's calendar feed.</summary>
    /// <remarks>The clinician themself or an administrator. The feed's address answers 404 from now on.</remarks>
    /// <response code="204">Withdrawn (also when there was none).</response>
    /// <response code="403">Another clinician's diary.</response>
    /// <response code="404">No such clinician.</response>
    public static async Task<NoContent> WithdrawCalendarFeed(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new WithdrawCalendarFeedCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A clinician's calendar feed (iCalendar, RFC 5545).</summary>
    /// <remarks>
    /// For calendar apps: no bearer token, the feed token in the address instead. Appointments from 30 days back to 90
    /// days ahead with their type, mode, status, location and the patient's initials; no clinical data. A wrong or withdrawn token
    /// answers 404, as a missing clinician does.
    /// </remarks>
    /// <param name="id">The clinician.</param>
    /// <param name="token">The feed token from the feed's address.</param>
    /// <param name="locationId">Only in-person appointments at this location (add the parameter to the feed's address).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The calendar, text/calendar.</response>
    /// <response code="404">No such feed.</response>
    public static async Task<CalendarFeedResult> CalendarFeed(Guid id, string? token, Guid? locationId, IMediator mediator, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetClinicianCalendarQuery(id, token, locationId), cancellationToken));

    /// <summary>Get a clinician's weekly working hours.</summary>
    /// <remarks>In clinic-local time. The ETag header carries the version.</remarks>
    /// <response code="200">The weekly template.</response>
    /// <response code="404">No such clinician.</response>
    public static async Task<Ok<WorkingHoursDto>> GetWorkingHours(Guid id, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var hours = await mediator.Send(new GetWorkingHoursQuery(id), cancellationToken);
        response.SetETag(hours.Version);
        return TypedResults.Ok(hours);
    }

    /// <summary>Replace a clinician's weekly working hours.</summary>
    /// <remarks>
    /// An administrator, or the clinician themself. Each interval is at a location and in its wall-clock time (e.g. Monday
    /// 08:00–12:30 at the city clinic); locationId may be left out while the clinic has one active location. A clinician
    /// cannot be at two locations at once (422). Appointments already booked stay put.
    /// </remarks>
    /// <response code="200">The new template.</response>
    /// <response code="403">Another clinician's diary.</response>
    /// <response code="412">Changed since the If-Match version.</response>
    /// <response code="422">Overlapping intervals, two locations at once, a deactivated location, or times off the 5-minute grid.</response>
    public static async Task<Ok<WorkingHoursDto>> SetWorkingHours(
        Guid id, SetWorkingHoursCommand command, HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var hours = await mediator.Send(command with { ClinicianId = id, ExpectedVersion = request.RequiredIfMatchVersion("working hours") }, cancellationToken);
        response.SetETag(hours.Version);
        return TypedResults.Ok(hours);
    }

    /// <summary>List a clinician's current and future time off.</summary>
    /// <remarks>Staff only. Past time off is left out.</remarks>
    /// <response code="200">Time off, soonest first.</response>
    public static async Task<Ok<IReadOnlyList<TimeOffDto>>> ListTimeOff(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListTimeOffQuery(id), cancellationToken));

    /// <summary>Block a period of a clinician's diary.</summary>
    /// <remarks>An administrator, or the clinician themself. Refused while appointments are booked in the period.</remarks>
    /// <response code="201">The time off.</response>
    /// <response code="409">Appointments are booked in that period.</response>
    public static async Task<Created<TimeOffDto>> AddTimeOff(Guid id, AddTimeOffCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var timeOff = await mediator.Send(command with { ClinicianId = id }, cancellationToken);
        return TypedResults.Created($"/api/clinicians/{id}/time-off/{timeOff.Id}", timeOff);
    }

    /// <summary>Remove time off.</summary>
    /// <remarks>Administrators or the clinician themself. The period becomes bookable again within working hours.</remarks>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such time off for this clinician.</response>
    public static async Task<NoContent> RemoveTimeOff(Guid id, Guid timeOffId, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveTimeOffCommand(id, timeOffId), cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A calendar feed's address, shown once.</summary>
/// <param name="Url">The address to subscribe to; it holds the feed token. Treat it like a password.</param>
/// <param name="PublishedAt">When this address was made (UTC).</param>
public sealed record CalendarFeedAddressDto(string Url, DateTimeOffset PublishedAt);
