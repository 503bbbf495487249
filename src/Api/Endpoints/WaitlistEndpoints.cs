using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Waitlist;
using ClinicHip.Domain.Waitlist;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The waitlist: patients waiting for a slot, and the freed slots offered to them.</summary>
public static class WaitlistEndpoints
{
    public static IEndpointRouteBuilder MapWaitlistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/waitlist").WithTags("Waitlist").Audited("WaitlistEntry");
        group.MapPost("/", Join).RequireAuthorization(Policies.Waitlist).WithName("JoinWaitlist")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).RequireAuthorization(Policies.WaitlistReads).WithName("ListWaitlistEntries").ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.WaitlistReads).WithName("GetWaitlistEntry").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Change).RequireAuthorization(Policies.Waitlist).WithName("ChangeWaitlistEntry")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Policies.Waitlist).WithName("WithdrawWaitlistEntry")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var offers = app.MapGroup("/waitlist/offers").WithTags("Waitlist").Audited("WaitlistOffer");
        offers.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Policies.Waitlist).WithName("AcceptWaitlistOffer")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        offers.MapPost("/{id:guid}/decline", Decline).RequireAuthorization(Policies.Waitlist).WithName("DeclineWaitlistOffer")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Join the waitlist.</summary>
    /// <remarks>
    /// A patient joins for themself (patientId omitted or their own); the front desk and administrators for any patient. The
    /// entry names the appointment type and mode, for in person a location or any (telehealth names none), a clinician or
    /// any, the local days the patient could come and the times of day that suit them (timesOfDay and/or explicit ranges a
    /// slot may start in; neither: any time), read on the named location's clock or else the clinic's. When a
    /// matching slot comes free, it is held for the patient (Waitlist:OfferHoldTime, 15 minutes by default) and offered:
    /// the waitlist.offered webhook and a notification. Urgent triage is offered first, then the longest waiting. The entry
    /// expires at the end of its last day.
    /// </remarks>
    /// <param name="command">The entry.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="201">The entry, Waiting.</response>
    /// <response code="403">A patient joining for someone else.</response>
    /// <response code="404">No such patient, type, clinician or location.</response>
    /// <response code="422">The window is reversed, over, or longer than 180 days; the type is inactive, not offered in that mode, or (for a patient) booked through the front desk; the patient's record is archived; the clinician takes no bookings; the location is closed or does not offer the type in person; a location named for telehealth.</response>
    public static async Task<Created<WaitlistEntryDto>> Join(JoinWaitlistCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var entry = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/waitlist/{entry.Id}", entry);
    }

    /// <summary>List the waitlist with the offers made.</summary>
    /// <remarks>Staff see every patient's entries (filter by appointment type, location and status); a patient sees their own. Oldest first, paged.</remarks>
    /// <param name="appointmentTypeId">Only entries for this type.</param>
    /// <param name="status">Only entries in this status (Waiting, Offered, Booked, Withdrawn, Expired).</param>
    /// <param name="patientId">Only this patient's (staff).</param>
    /// <param name="locationId">Only entries a slot at this location could go to: in person there, or in person at any location.</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of entries, each with its offers.</response>
    /// <response code="403">A patient asking for another patient's entries.</response>
    public static async Task<Ok<PagedList<WaitlistEntryDto>>> List(
        Guid? appointmentTypeId, WaitlistEntryStatus? status, Guid? patientId, Guid? locationId, int? page, int? pageSize, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new ListWaitlistEntriesQuery(appointmentTypeId, status, patientId, page ?? 1, pageSize ?? PagedList.DefaultPageSize, locationId), cancellationToken));

    /// <summary>Get a waitlist entry with its offers.</summary>
    /// <remarks>A patient reads their own entries; staff any.</remarks>
    /// <response code="200">The entry.</response>
    /// <response code="404">No such entry, or another patient's.</response>
    public static async Task<Ok<WaitlistEntryDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWaitlistEntryQuery(id), cancellationToken));

    /// <summary>Change a waitlist entry.</summary>
    /// <remarks>The whole entry as it should be. Only a Waiting entry changes: answer an outstanding offer first. It keeps its place (when it joined).</remarks>
    /// <response code="200">The changed entry.</response>
    /// <response code="404">No such entry, or another patient's; no such type, clinician or location.</response>
    /// <response code="409">The entry is Offered, Booked, Withdrawn or Expired, or an offer was made to it meanwhile (waitlist.entry-changed).</response>
    /// <response code="422">As for joining.</response>
    public static async Task<Ok<WaitlistEntryDto>> Change(Guid id, ChangeWaitlistEntryCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Withdraw a waitlist entry.</summary>
    /// <remarks>The patient no longer waits. An offer awaiting their answer is withdrawn and its slot released to the next entry.</remarks>
    /// <response code="200">The entry, Withdrawn.</response>
    /// <response code="404">No such entry, or another patient's.</response>
    /// <response code="409">It is already Booked, Withdrawn or Expired, or it changed meanwhile (waitlist.entry-changed).</response>
    public static async Task<Ok<WaitlistEntryDto>> Withdraw(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new WithdrawWaitlistEntryCommand(id), cancellationToken));

    /// <summary>Accept a waitlist offer: book the held slot.</summary>
    /// <remarks>
    /// The offered patient (or the front desk or an administrator for them) takes the slot held for them: the hold becomes
    /// their appointment under the same rules as POST /api/appointments (minimum notice, horizon, online-bookable type,
    /// in-person need from triage, a pending Emergency form), in one transaction. Of simultaneous acceptances exactly one
    /// books; the others answer 409.
    /// </remarks>
    /// <response code="201">The appointment.</response>
    /// <response code="404">No such offer, or another patient's.</response>
    /// <response code="409">The offer expired (waitlist.offer-expired) or was already answered (waitlist.offer-not-pending).</response>
    /// <response code="422">A booking rule refuses it now.</response>
    public static async Task<Created<AppointmentDto>> Accept(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var appointment = await mediator.Send(new AcceptWaitlistOfferCommand(id), cancellationToken);
        return TypedResults.Created($"/api/appointments/{appointment.Id}", appointment);
    }

    /// <summary>Decline a waitlist offer.</summary>
    /// <remarks>The held slot is released and offered to the next entry; the patient stays on the waitlist and is not offered this slot again.</remarks>
    /// <response code="200">The entry, Waiting again.</response>
    /// <response code="404">No such offer, or another patient's.</response>
    /// <response code="409">The offer expired or was already answered.</response>
    public static async Task<Ok<WaitlistEntryDto>> Decline(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DeclineWaitlistOfferCommand(id), cancellationToken));
}
