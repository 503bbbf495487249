using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Auditing;
using ClinicHip.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The audit trail: for administrators, and each patient's own access log.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit", Search).RequireAuthorization(Policies.Admin).NotPatientData().WithTags("Audit").WithName("SearchAudit").ProducesValidationProblem();
        app.MapGet("/patients/me/access-log", AccessLog).RequireAuthorization(Policies.Patient).NotPatientData().WithTags("Audit").WithName("GetMyAccessLog");
        return app;
    }

    /// <summary>Search the audit trail.</summary>
    /// <remarks>Every read or change of patient data: who (user or integration client), role, action, resource, patient, time, outcome, trace id, client address. Newest first.</remarks>
    /// <param name="patientId">Only this patient's records.</param>
    /// <param name="userId">Only this user's accesses.</param>
    /// <param name="clientId">Only this integration client's accesses.</param>
    /// <param name="from">At or after.</param>
    /// <param name="to">Before.</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of the trail.</response>
    public static async Task<Ok<PagedList<AuditRecordDto>>> Search(
        Guid? patientId, Guid? userId, Guid? clientId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new SearchAuditQuery(patientId, userId, from, to, page ?? 1, pageSize ?? PagedList.DefaultPageSize, clientId), cancellationToken));

    /// <summary>Who opened my records?</summary>
    /// <remarks>The staff who read or changed the caller's records, newest first (the last 500).</remarks>
    /// <response code="200">The accesses.</response>
    public static async Task<Ok<IReadOnlyList<AccessLogEntryDto>>> AccessLog(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMyAccessLogQuery(), cancellationToken));
}
