using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.OpenApi;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Patients;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Patient records: the front desk's registration, search, corrections and archive.</summary>
public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/patients").WithTags("Patients").Audited("Patient");
        group.MapPost("/", Create).RequireAuthorization(Policies.Staff).WithName("CreatePatient")
            .WithMetadata(new ClientAlternative("Patient records are created by the patient registering (POST /api/auth/register) or by the front desk; find a patient with GET /fhir/Patient and the scope patients:read.")).Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", Search).RequireAuthorization(Policies.Staff).WithName("SearchPatients")
            .WithMetadata(new ClientAlternative("Find patients with GET /fhir/Patient (name, birthdate, identifier, phone, email) and the scope patients:read.")).Sends(ResponseHeader.NextLink).ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.PatientProfiles).WithName("GetPatient").Sends(ResponseHeader.ETag).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.PatientRecordEditing).WithName("UpdatePatient").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{patientId:guid}/appointments", Appointments).RequireAuthorization(Policies.SchedulingReads).WithName("ListPatientAppointments")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{patientId:guid}/history", History).RequireAuthorization(Policies.Admin).WithName("GetPatientHistory")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{patientId:guid}/archive", Archive).RequireAuthorization(Policies.FrontDesk).WithName("ArchivePatient")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{patientId:guid}/restore", Restore).RequireAuthorization(Policies.FrontDesk).WithName("RestorePatient")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{patientId:guid}/merge", Merge).RequireAuthorization(Policies.Admin).WithName("MergePatient").Sends(ResponseHeader.ETag)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{patientId:guid}/not-duplicate", ConfirmNotDuplicate).RequireAuthorization(Policies.FrontDesk).WithName("ConfirmPatientNotDuplicate")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{patientId:guid}/invitations", Invite).RequireAuthorization(Policies.Staff).WithName("InvitePatient")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{patientId:guid}/date-of-death", RecordDeath).RequireAuthorization(Policies.FrontDesk).WithName("RecordPatientDateOfDeath")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>Register a patient without an account.</summary>
    /// <remarks>
    /// For the front desk, clinicians and administrators, e.g. for someone who phoned in. Phone numbers are stored in E.164,
    /// read in the clinic's default region when they have no country code. When another record has the same name and date
    /// of birth, the same phone and date of birth, or the same email, the answer is 409 with
    /// code patient.possible-duplicate and the candidates; send again with confirmedNotDuplicate: true
    /// when it is a different person (recorded in the history).
    /// </remarks>
    /// <param name="command">The patient's details.</param>
    /// <param name="response">Carries the ETag.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="201">The new record.</response>
    /// <response code="400">A field is missing or malformed, or a phone number cannot exist.</response>
    /// <response code="409">A possible duplicate: the candidates are in the problem's candidates member.</response>
    /// <response code="422">The date of birth is in the future or more than 120 years ago.</response>
    public static async Task<Created<PatientProfileDto>> Create(
        CreatePatientCommand command, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var patient = await mediator.Send(command, cancellationToken);
        response.SetETag(patient.Version);
        return TypedResults.Created($"/api/patients/{patient.Id}", patient);
    }

    /// <summary>Find patients.</summary>
    /// <remarks>
    /// Staff only. Name words match the start of any name part in any order, ignoring case and accents ("jos lee" finds
    /// José Lee); a phone number matches in E.164 form whatever way it is typed; every filter given must match. Archived
    /// records are left out unless includeArchived=true. Each row shows name, date of birth, phone, alerts and the next
    /// appointment — nothing clinical — and whether it is flagged as a possible duplicate (possibleDuplicate=true lists the
    /// flagged records, the front desk's work list) or was merged (mergedIntoId). Every search is audited with the patients
    /// it showed.
    ///
    /// With updatedSince (or cursor) the list is a change feed for keeping a local copy: every record changed at or after
    /// that instant, archived, merged and deceased ones included (archived, mergedIntoId, dateOfDeath), oldest change first
    /// in a stable order, leaving out changes of the last few seconds until they settle. Send nextCursor back as cursor
    /// (with the same filters, without updatedSince or page; the Link rel="next" header's address does) to continue just
    /// after the page, now or later: a record changed meanwhile comes again with its new state. A cursor that is not one
    /// the API gave out answers 400 sync.cursor-invalid; one sent with updatedSince, page or other filters, 400
    /// sync.cursor-conflict.
    /// </remarks>
    /// <param name="search">Name words, e.g. "jos lee".</param>
    /// <param name="dateOfBirth">Exact date of birth, e.g. 1990-04-21.</param>
    /// <param name="phone">Phone number, e.g. 0412 345 678.</param>
    /// <param name="email">Email address.</param>
    /// <param name="includeArchived">Include archived records.</param>
    /// <param name="updatedSince">A change feed of the records changed at or after this instant (ISO 8601).</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="possibleDuplicate">true: only records registered online that match another; false: only the others.</param>
    /// <param name="cursor">A change feed's nextCursor, to continue after its page.</param>
    /// <param name="context">The exchange, for the Link header.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of matching patients; in a change feed, with nextCursor.</response>
    /// <response code="400">A malformed parameter, or a cursor that is not the API's (sync.cursor-invalid) or conflicts with the other parameters (sync.cursor-conflict).</response>
    public static async Task<Ok<PagedList<PatientSearchRowDto>>> Search(
        string? search, DateOnly? dateOfBirth, string? phone, string? email, bool? includeArchived, DateTimeOffset? updatedSince, int? page, int? pageSize,
        bool? possibleDuplicate, string? cursor, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var patients = await mediator.Send(
            new SearchPatientsQuery(
                search, dateOfBirth, phone, email, includeArchived ?? false, updatedSince, page ?? 1, pageSize ?? PagedList.DefaultPageSize, possibleDuplicate,
                cursor),
            cancellationToken);
        context.SetNextLink(patients);
        return TypedResults.Ok(patients);
    }

    /// <summary>Get a patient's record.</summary>
    /// <remarks>
    /// A patient reads their own record; staff read any. Another patient's id answers 404. Demographics, contact details,
    /// consents and alerts, never clinical content. The ETag header carries the version to send as If-Match when changing it.
    /// A record merged into another answers 404 with code patient.merged, the surviving record's id
    /// in survivorId and its address in the Location header; every read and change of the merged id answers so.
    /// </remarks>
    /// <response code="200">The patient record.</response>
    /// <response code="404">No such patient, not one the caller may see, or merged into another (patient.merged, with survivorId).</response>
    public static async Task<Ok<PatientProfileDto>> Get(Guid id, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var patient = await mediator.Send(new GetPatientQuery(id), cancellationToken);
        response.SetETag(patient.Version);
        return TypedResults.Ok(patient);
    }

    /// <summary>Change a patient's record.</summary>
    /// <remarks>
    /// Send every field (the record is replaced) and If-Match with the ETag you read: when someone else changed the record
    /// first the answer is 412 and nothing changes. Staff change any field; a patient only their own contact details
    /// (phone, email, address, emergency contact, preferred contact method, reminder consent) — other changes answer 403.
    /// Phone and email are normalised and checked for duplicates again (409, as on create). Every change is kept in the
    /// history with the fields before and after.
    /// </remarks>
    /// <response code="200">The changed record.</response>
    /// <response code="403">A patient changing more than their contact details.</response>
    /// <response code="404">No such patient, or not one the caller may see.</response>
    /// <response code="409">A possible duplicate.</response>
    /// <response code="412">The record changed since the If-Match version.</response>
    public static async Task<Ok<PatientProfileDto>> Update(
        Guid id, UpdatePatientCommand command, HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var patient = await mediator.Send(command with { Id = id, ExpectedVersion = request.RequiredIfMatchVersion("patient") }, cancellationToken);
        response.SetETag(patient.Version);
        return TypedResults.Ok(patient);
    }

    /// <summary>List a patient's next and past appointments.</summary>
    /// <remarks>
    /// The patient their own; staff (and clients with appointments:read) any patient's. Next: booked or checked-in from now on,
    /// soonest first; past: the rest, most recent first (at most 500). Staff also see how each was booked (channel, by whom)
    /// and its booking note; a patient never does.
    /// </remarks>
    /// <response code="200">The appointments.</response>
    /// <response code="404">No such patient, or not one the caller may see.</response>
    public static async Task<Ok<PatientAppointmentsDto>> Appointments(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListPatientAppointmentsQuery(patientId), cancellationToken));

    /// <summary>Read a patient record's change history.</summary>
    /// <remarks>Administrators: every creation, edit, archive and restore, who made it and when, with each field before and after.</remarks>
    /// <response code="200">The changes, oldest first.</response>
    /// <response code="404">No such patient.</response>
    public static async Task<Ok<IReadOnlyList<PatientChangeDto>>> History(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPatientHistoryQuery(patientId), cancellationToken));

    /// <summary>Archive a patient record.</summary>
    /// <remarks>The front desk and administrators. The history stays; an archived patient cannot be booked (422 patient.archived) until restored.</remarks>
    /// <response code="200">The archived record.</response>
    /// <response code="409">Already archived.</response>
    public static async Task<Ok<PatientProfileDto>> Archive(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ArchivePatientCommand(patientId), cancellationToken));

    /// <summary>Restore an archived patient record.</summary>
    /// <remarks>The front desk and administrators. A record with a date of death stays archived (409).</remarks>
    /// <response code="200">The restored record.</response>
    /// <response code="409">Not archived, or a date of death is recorded.</response>
    public static async Task<Ok<PatientProfileDto>> Restore(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RestorePatientCommand(patientId), cancellationToken));

    /// <summary>Merge a duplicate record into the record that survives.</summary>
    /// <remarks>
    /// Administrators, for one person entered twice. Every appointment (with its diary cells), intake form, assessment,
    /// treatment plan, outcome record, running-load week and the login account move to the survivor, and this record is
    /// archived with a pointer to it, in one transaction; both histories record the merge. Afterwards the merged id answers
    /// 404 patient.merged with survivorId. 409 when the survivor is this record (patient.merge-into-itself), either record
    /// was already merged (patient.already-merged), both have a login (patient.merge-both-have-accounts), they have
    /// appointments at the same time (patient.merge-appointments-overlap) or running-load figures for the same week
    /// (patient.merge-running-load-overlap); then nothing changes.
    /// </remarks>
    /// <param name="patientId">The record that goes.</param>
    /// <param name="command">The record that stays.</param>
    /// <param name="response">Carries the survivor's ETag.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The surviving record.</response>
    /// <response code="400">No survivorId.</response>
    /// <response code="404">Either record does not exist.</response>
    /// <response code="409">The two cannot be merged; the code says why.</response>
    /// <response code="412">Someone changed either record while the merge ran.</response>
    public static async Task<Ok<PatientProfileDto>> Merge(
        Guid patientId, MergePatientCommand command, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var survivor = await mediator.Send(command with { PatientId = patientId }, cancellationToken);
        response.SetETag(survivor.Version);
        return TypedResults.Ok(survivor);
    }

    /// <summary>Confirm a flagged record is not a duplicate.</summary>
    /// <remarks>
    /// The front desk and administrators. A patient who registers online is never attached to an existing record; when
    /// their record matches another by the duplicate rules it is flagged (possibleDuplicate on search rows). This clears
    /// the flag, recorded in the history; when it is the same person, an administrator merges the records instead.
    /// </remarks>
    /// <response code="200">The record, no longer flagged.</response>
    /// <response code="404">No such patient, or merged into another.</response>
    /// <response code="409">The record is not flagged (patient.not-flagged-duplicate).</response>
    public static async Task<Ok<PatientProfileDto>> ConfirmNotDuplicate(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ConfirmNotDuplicateCommand(patientId), cancellationToken));

    /// <summary>Invite a patient to claim their record.</summary>
    /// <remarks>
    /// Staff, for a patient with a record but no login; a record that already holds clinical content (intake forms,
    /// assessments, treatment plans, outcomes, running load) is invited by a clinician only, since the login will read
    /// it. The invitation is a patient.invited event in the outbox: the notification sender emails the patient a
    /// single-use link token that works for 7 days (the clinic keeps only its hash), and webhook subscribers get the event
    /// with ids only, never the token. The patient sets a password with POST /api/auth/claim; the address the invitation
    /// was sent to becomes the login. Inviting again sends a new token; earlier ones keep working until used or expired,
    /// and an email change, archiving, a date of death or a merge revokes them all.
    /// </remarks>
    /// <response code="201">The invitation (id and expiry, never the token).</response>
    /// <response code="403">The record holds clinical content and the caller is not a clinician (patient.invitation-needs-clinician).</response>
    /// <response code="404">No such patient, or merged into another.</response>
    /// <response code="409">The patient already has a login (patient.has-account).</response>
    /// <response code="422">The record has no email (patient.email-required) or is archived (patient.archived).</response>
    public static async Task<Created<PatientInvitationDto>> Invite(Guid patientId, IMediator mediator, CancellationToken cancellationToken)
    {
        var invitation = await mediator.Send(new InvitePatientCommand(patientId), cancellationToken);
        return TypedResults.Created($"/api/patients/{patientId}", invitation);
    }

    /// <summary>Record a patient's date of death.</summary>
    /// <remarks>
    /// The front desk and administrators. The record is archived, reminder consent withdrawn and every future appointment
    /// cancelled with reason Deceased (its reminders with it), in one transaction.
    /// </remarks>
    /// <response code="200">The archived record.</response>
    /// <response code="422">The date is before the date of birth or in the future.</response>
    public static async Task<Ok<PatientProfileDto>> RecordDeath(
        Guid patientId, RecordDateOfDeathCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { PatientId = patientId }, cancellationToken));
}
