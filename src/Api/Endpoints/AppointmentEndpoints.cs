using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.OpenApi;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Application.Scheduling.Telehealth;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClinicHip.Api.Endpoints;

/// <summary>Finding free slots, booking, and an appointment's day.</summary>
public static class AppointmentEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/availability", Availability).RequireAuthorization(Policies.SchedulingReads).WithTags("Appointments").NotPatientData().WithName("GetAvailability")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/availability/by-clinician-day", AvailabilityByClinicianDay).RequireAuthorization(Policies.SchedulingReads).WithTags("Appointments").NotPatientData()
            .WithName("GetAvailabilityByClinicianDay")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var group = app.MapGroup("/appointments").WithTags("Appointments").Audited("Appointment");
        group.MapPost("/", Book).RequireAuthorization(Policies.Booking).WithName("BookAppointment")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/series", BookSeries).RequireAuthorization(Policies.Booking).WithName("BookAppointmentSeries")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/series/{id:guid}", GetSeries).RequireAuthorization(Policies.SchedulingReads).WithName("GetAppointmentSeries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", List).RequireAuthorization(Policies.SchedulingReads).WithName("ListAppointments").Sends(ResponseHeader.NextLink).ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SchedulingReads).WithName("GetAppointment").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.Cancellation).WithName("CancelAppointment")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/reschedule", Reschedule).RequireAuthorization(Policies.Booking).WithName("RescheduleAppointment")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/check-in", CheckIn).RequireAuthorization(Policies.FrontDesk).WithName("CheckInAppointment").ProducesStepProblems();
        group.MapPost("/{id:guid}/start", Start).RequireAuthorization(Policies.Clinician).WithName("StartAppointment").ProducesStepProblems();
        group.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(Policies.Clinician).WithName("CompleteAppointment").ProducesStepProblems();
        group.MapPost("/{id:guid}/no-show", NoShow).RequireAuthorization(Policies.DiaryKeeping).WithName("MarkAppointmentNoShow").ProducesStepProblems();
        group.MapGet("/{id:guid}/telehealth", Telehealth).RequireAuthorization(Policies.Telehealth).WithName("GetTelehealthLink")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Find free slots.</summary>
    /// <remarks>
    /// Slots for one appointment type between from and to (at most 31 days), from clinicians' working hours minus
    /// time off and booked appointments with their buffers. For patients, also honours the minimum notice and the
    /// booking horizon, and leaves out times the patient is already booked. Each slot names the location where it can be
    /// booked in person (where the clinician works then and the type is offered), or none when it is for telehealth only.
    /// </remarks>
    /// <param name="appointmentTypeId">The appointment type.</param>
    /// <param name="from">Window start, ISO 8601 (e.g. 2026-11-23T00:00:00Z).</param>
    /// <param name="to">Window end, ISO 8601.</param>
    /// <param name="clinicianId">Only this clinician.</param>
    /// <param name="locationId">Only in-person slots at this location.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">Free slots, soonest first.</response>
    /// <response code="400">The window is missing, reversed or longer than 31 days.</response>
    /// <response code="404">No such appointment type or location.</response>
    /// <response code="422">The type is inactive, or not bookable online by a patient.</response>
    public static async Task<Ok<IReadOnlyList<AvailableSlotDto>>> Availability(
        Guid appointmentTypeId, DateTimeOffset from, DateTimeOffset to, Guid? clinicianId, Guid? locationId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAvailabilityQuery(appointmentTypeId, from, to, clinicianId, locationId), cancellationToken));

    /// <summary>Find free slots, grouped by clinician and day.</summary>
    /// <remarks>
    /// The same free slots as GET /api/availability with the same parameters, for the same caller, in a compact shape:
    /// one entry per clinician, day (by the location's clock; telehealth by the clinic's), location and slot length,
    /// carrying the clinician's id and name, the location, the appointment type and the duration once, then only the
    /// starts. Each start books as the slot it stands for (clinicianId, appointmentTypeId, start, locationId). About a
    /// sixth of the bytes for a fortnight of a whole clinic (docs/decisions/0036).
    /// </remarks>
    /// <param name="appointmentTypeId">The appointment type.</param>
    /// <param name="from">Window start, ISO 8601 (e.g. 2026-11-23T00:00:00Z).</param>
    /// <param name="to">Window end, ISO 8601.</param>
    /// <param name="clinicianId">Only this clinician.</param>
    /// <param name="locationId">Only in-person slots at this location.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">Free slots by clinician and day, in the order of each entry's first slot, soonest first.</response>
    /// <response code="400">The window is missing, reversed or longer than 31 days.</response>
    /// <response code="404">No such appointment type or location.</response>
    /// <response code="422">The type is inactive, or not bookable online by a patient.</response>
    public static async Task<Ok<IReadOnlyList<ClinicianDaySlotsDto>>> AvailabilityByClinicianDay(
        Guid appointmentTypeId, DateTimeOffset from, DateTimeOffset to, Guid? clinicianId, Guid? locationId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAvailabilityByClinicianDayQuery(appointmentTypeId, from, to, clinicianId, locationId), cancellationToken));

    /// <summary>Book an appointment.</summary>
    /// <remarks>
    /// A patient books for themself (patientId omitted or their own); the front desk and administrators for any
    /// patient. No clinician or patient is ever booked twice at overlapping times: the database refuses it, and
    /// the answer is 409 with code appointment.slot-conflict. Send an Idempotency-Key
    /// header to retry safely: the same key and body return the first answer and book nothing new.
    /// </remarks>
    /// <param name="command">The booking.</param>
    /// <param name="idempotencyKey">Optional key that makes retries safe.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="201">The appointment.</response>
    /// <response code="403">A patient booking for someone else.</response>
    /// <response code="409">The slot is taken, or the patient is booked at an overlapping time.</response>
    /// <response code="422">Outside working hours, in time off, too little notice, beyond the horizon, type or mode not allowed, or the key reused with another body.</response>
    public static async Task<Created<AppointmentDto>> Book(
        BookAppointmentCommand command, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken cancellationToken)
    {
        var appointment = await mediator.Send(command with { IdempotencyKey = idempotencyKey }, cancellationToken);
        return TypedResults.Created($"/api/appointments/{appointment.Id}", appointment);
    }

    /// <summary>Book a course of appointments (a series).</summary>
    /// <remarks>
    /// N occurrences (at most 52) with one clinician, type and mode, every N days or weekly on given weekdays, at the first
    /// start's clinic-local time. Each occurrence is booked under exactly the rules of a single booking; when its time is
    /// taken, the nearest free start within toleranceMinutes either side is booked instead. All or nothing: if any occurrence
    /// cannot be booked, nothing is booked and the answer is 409 (code appointment-series.conflict)
    /// listing each such occurrence in 'occurrences' with the reason and the nearest free starts. With bookWhatFits the
    /// others are booked and the rest are listed in notBooked. The occurrences are saved together, so a concurrent booking
    /// of one of their times rolls back the whole series. Idempotency-Key works as for single bookings.
    /// </remarks>
    /// <param name="command">The series.</param>
    /// <param name="idempotencyKey">Optional key that makes retries safe.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="201">The series with its booked appointments (and, with bookWhatFits, those not booked).</response>
    /// <response code="403">A patient booking for someone else, or adding a booking note.</response>
    /// <response code="404">No such patient, clinician, type or treatment plan (another patient's plan, for a patient).</response>
    /// <response code="409">An occurrence cannot be booked as asked (time taken, outside working hours, in time off, beyond the horizon, …): each is listed with its nearest free starts; nothing was booked.</response>
    /// <response code="422">A rule that holds for the whole series: type inactive or not bookable online, mode not allowed, in-person assessment required, emergency intake awaiting review, archived patient, another patient's treatment plan, or the key reused with another body.</response>
    public static async Task<Created<AppointmentSeriesDto>> BookSeries(
        BookAppointmentSeriesCommand command, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken cancellationToken)
    {
        var series = await mediator.Send(command with { IdempotencyKey = idempotencyKey }, cancellationToken);
        return TypedResults.Created($"/api/appointments/series/{series.Id}", series);
    }

    /// <summary>Get a course of appointments (a series).</summary>
    /// <remarks>The series with every occurrence and its current status. A patient reads their own series; staff any.</remarks>
    /// <response code="200">The series.</response>
    /// <response code="404">No such series, or another patient's.</response>
    public static async Task<Ok<AppointmentSeriesDto>> GetSeries(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAppointmentSeriesQuery(id), cancellationToken));

    /// <summary>List appointments.</summary>
    /// <remarks>
    /// A patient sees their own; a clinician their own diary, or any patient's appointments when filtering by
    /// patientId; the front desk and administrators everything. Paged, with the total.
    ///
    /// With updatedSince (or cursor) the list is a change feed of the appointments the caller may see, for keeping a local
    /// copy: every one booked or changed at or after that instant (cancelled, no-show, rescheduled and those moved to
    /// another record by a merge included, with their status and patient), oldest change first in a stable order, leaving
    /// out changes of the last few seconds until they settle. Send nextCursor back as cursor (with the same filters,
    /// without updatedSince or page; the Link rel="next" header's address does) to continue just after the page, now or
    /// later: an appointment changed meanwhile comes again with its new state. A cursor that is not one the API gave out
    /// answers 400 sync.cursor-invalid; one sent with updatedSince, page or other filters, 400 sync.cursor-conflict.
    /// </remarks>
    /// <param name="from">Starting at or after.</param>
    /// <param name="to">Starting before.</param>
    /// <param name="clinicianId">Only this clinician's.</param>
    /// <param name="patientId">Only this patient's.</param>
    /// <param name="status">Only this status.</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="updatedSince">A change feed of the appointments changed at or after this instant (ISO 8601).</param>
    /// <param name="cursor">A change feed's nextCursor, to continue after its page.</param>
    /// <param name="context">The exchange, for the Link header.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of appointments by start time; in a change feed, by change, with nextCursor.</response>
    /// <response code="400">A malformed parameter, or a cursor that is not the API's (sync.cursor-invalid) or conflicts with the other parameters (sync.cursor-conflict).</response>
    public static async Task<Ok<PagedList<AppointmentDto>>> List(
        DateTimeOffset? from, DateTimeOffset? to, Guid? clinicianId, Guid? patientId, AppointmentStatus? status, int? page, int? pageSize,
        DateTimeOffset? updatedSince, string? cursor, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var appointments = await mediator.Send(
            new ListAppointmentsQuery(from, to, clinicianId, patientId, status, page ?? 1, pageSize ?? PagedList.DefaultPageSize, updatedSince, cursor),
            cancellationToken);
        context.SetNextLink(appointments);
        return TypedResults.Ok(appointments);
    }

    /// <summary>Get an appointment.</summary>
    /// <remarks>A patient reads their own appointments; clinicians, the front desk and administrators any.</remarks>
    /// <response code="200">The appointment.</response>
    /// <response code="404">No such appointment, or another patient's.</response>
    public static async Task<Ok<AppointmentDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAppointmentQuery(id), cancellationToken));

    /// <summary>Cancel an appointment.</summary>
    /// <remarks>
    /// Patients cancel their own appointments before they start; staff any booked appointment. Inside the late-cancellation
    /// window it is marked late. With scope ThisAndFollowing, the later booked occurrences of the appointment's series are
    /// cancelled too, with their reminders, in the same save (all or none).
    /// </remarks>
    /// <response code="200">The cancelled appointment.</response>
    /// <response code="409">It is not booked any more (already cancelled, checked in, …).</response>
    /// <response code="422">A patient cancelling after the start.</response>
    public static async Task<Ok<AppointmentDto>> Cancel(Guid id, CancelAppointmentCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Move an appointment.</summary>
    /// <remarks>Atomic: the new time is held and the old one released, or nothing changes. The same booking rules apply as for a new booking.</remarks>
    /// <response code="200">The moved appointment.</response>
    /// <response code="409">The new time is taken, or the appointment is not booked any more.</response>
    /// <response code="422">The new time breaks a booking rule.</response>
    public static async Task<Ok<AppointmentDto>> Reschedule(Guid id, RescheduleAppointmentCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Check the patient in (front desk).</summary>
    /// <remarks>The patient has arrived for an in-person appointment: Booked becomes CheckedIn.</remarks>
    /// <response code="200">Checked in.</response>
    public static Task<Ok<AppointmentDto>> CheckIn(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Step(id, AppointmentStep.CheckIn, mediator, cancellationToken);

    /// <summary>Start the consultation (the appointment's clinician).</summary>
    /// <remarks>In person after check-in; telehealth straight from booked.</remarks>
    /// <response code="200">In progress.</response>
    public static Task<Ok<AppointmentDto>> Start(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Step(id, AppointmentStep.Start, mediator, cancellationToken);

    /// <summary>Complete the consultation (the appointment's clinician).</summary>
    /// <remarks>InProgress becomes Completed. Only the appointment's own clinician may complete it.</remarks>
    /// <response code="200">Completed.</response>
    public static Task<Ok<AppointmentDto>> Complete(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Step(id, AppointmentStep.Complete, mediator, cancellationToken);

    /// <summary>Record that the patient did not come.</summary>
    /// <remarks>Only after the start time, and only for a booked appointment.</remarks>
    /// <response code="200">Marked as a no-show.</response>
    public static Task<Ok<AppointmentDto>> NoShow(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        Step(id, AppointmentStep.NoShow, mediator, cancellationToken);

    /// <summary>Get the caller's telehealth join link.</summary>
    /// <remarks>For the appointment's patient, its clinician, or an administrator; each gets their own signed link, valid until the room closes.</remarks>
    /// <response code="200">The link and the room's opening times.</response>
    /// <response code="409">Not a telehealth appointment, no longer booked, or outside the join window (opensAt / closesAt say when).</response>
    public static async Task<Ok<TelehealthLinkDto>> Telehealth(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetTelehealthLinkQuery(id), cancellationToken));

    private static async Task<Ok<AppointmentDto>> Step(Guid id, AppointmentStep step, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RecordAppointmentStepCommand(id, step), cancellationToken));

    private static RouteHandlerBuilder ProducesStepProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
