using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Scheduling.Diary;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The clinic's day sheet.</summary>
public static class DiaryEndpoints
{
    public static IEndpointRouteBuilder MapDiaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/diary", DaySheet).RequireAuthorization(Policies.DiaryKeeping).WithTags("Appointments").Audited("Diary").WithName("GetDaySheet")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Get the day sheet.</summary>
    /// <remarks>
    /// For the front desk, clinicians and administrators. The date is clinic-local (daylight saving applied). Per clinician:
    /// working intervals, appointments in start order (patient name, type, mode, status, check-in time, alerts), time off and
    /// the free gaps between them. With days (up to 7) a clinician reads their own week (clinicianId = their own);
    /// the front desk and administrators any clinician's. With locationId: that location's day on its own clock, the
    /// clinicians working there and its in-person appointments (free gaps still allow for the clinicians' appointments
    /// elsewhere). Each appointment carries the patient's no-shows and late cancellations in the last 12 months.
    /// </remarks>
    /// <param name="date">Local date, e.g. 2026-12-01: the clinic's, or the location's when locationId is given.</param>
    /// <param name="clinicianId">Only this clinician.</param>
    /// <param name="days">1 (default) to 7 days from the date.</param>
    /// <param name="locationId">Only this location.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The day sheet.</response>
    /// <response code="400">The date is missing or malformed, or days is out of range.</response>
    /// <response code="403">A clinician asking for more than a day of someone else's diary.</response>
    /// <response code="404">No such clinician or location.</response>
    public static async Task<Ok<DaySheetDto>> DaySheet(DateOnly date, Guid? clinicianId, int? days, Guid? locationId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDaySheetQuery(date, clinicianId, days ?? 1, locationId), cancellationToken));
}
