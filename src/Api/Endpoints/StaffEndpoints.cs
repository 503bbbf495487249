using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Staff;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Staff accounts, managed by administrators.</summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.Admin).NotPatientData();

        group.MapPost("/", Create).WithName("CreateStaffMember")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListStaff");
        group.MapGet("/{id:guid}", Get).WithName("GetStaffMember").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/disable", (Guid id, IMediator m, CancellationToken ct) => SetAccess(id, disabled: true, m, ct)).WithName("DisableStaffMember")
            .WithSummary("Disable a staff account: sign-in refused and every token ended at once.")
            .WithDescription("The account and its history stay; enable it again to restore access. Administrators cannot disable their own account (422).")
            .Produces<StaffMemberDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/enable", (Guid id, IMediator m, CancellationToken ct) => SetAccess(id, disabled: false, m, ct)).WithName("EnableStaffMember")
            .WithSummary("Enable a disabled staff account again.")
            .WithDescription("The member of staff signs in again with their password.").Produces<StaffMemberDto>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Add a member of staff.</summary>
    /// <remarks>Creates a FrontDesk, Clinician or Admin login with its profile. A clinician needs a profession and gets a clinician profile.</remarks>
    /// <response code="201">The new member of staff.</response>
    /// <response code="400">A field is missing or malformed, or the password is too weak.</response>
    /// <response code="409">An account with this email already exists.</response>
    /// <response code="422">A clinician without a profession, or a profession for a non-clinician.</response>
    public static async Task<Created<StaffMemberDto>> Create(CreateStaffMemberCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var member = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/staff/{member.Id}", member);
    }

    /// <summary>List the staff.</summary>
    /// <remarks>Administrators only: every account, enabled or disabled, with the clinician profile where there is one.</remarks>
    /// <response code="200">Every member of staff, by family then given name.</response>
    public static async Task<Ok<IReadOnlyList<StaffMemberDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListStaffQuery(), cancellationToken));

    private static async Task<Ok<StaffMemberDto>> SetAccess(Guid id, bool disabled, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetStaffMemberAccessCommand(id, disabled), cancellationToken));

    /// <summary>Get one member of staff.</summary>
    /// <remarks>Administrators only.</remarks>
    /// <response code="200">The member of staff.</response>
    /// <response code="404">No member of staff has this id.</response>
    public static async Task<Ok<StaffMemberDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetStaffMemberQuery(id), cancellationToken));
}
