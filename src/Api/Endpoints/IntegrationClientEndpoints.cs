using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.IntegrationClients;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Integration clients: other systems calling the API with client-credentials tokens, managed by administrators.</summary>
public static class IntegrationClientEndpoints
{
    public static IEndpointRouteBuilder MapIntegrationClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/integration-clients").WithTags("Integration clients").RequireAuthorization(Policies.Admin).NotPatientData();
        group.MapPost("/", Register).WithName("RegisterIntegrationClient").ProducesValidationProblem();
        group.MapGet("/", List).WithName("ListIntegrationClients");
        group.MapGet("/{id:guid}", Get).WithName("GetIntegrationClient").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/scopes", ChangeScopes).WithName("ChangeIntegrationClientScopes").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/revoke", Revoke).WithName("RevokeIntegrationClient").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Register an integration client.</summary>
    /// <remarks>
    /// Scopes: appointments:read (appointments, free slots, types, clinicians), appointments:write (book, cancel,
    /// reschedule for a patient), patients:read (patient profiles), webhooks:manage. No scope reaches clinical records.
    /// The answer carries the client secret, shown this once: only its hash is kept. The client then asks
    /// POST /api/auth/client-token for tokens.
    /// </remarks>
    /// <response code="201">The client with its id and secret.</response>
    /// <response code="400">No name, or an unknown scope.</response>
    public static async Task<Created<RegisteredIntegrationClientDto>> Register(
        RegisterIntegrationClientCommand command, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        var client = await mediator.Send(command, cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/integration-clients/{client.Id}", client);
    }

    /// <summary>List the integration clients.</summary>
    /// <remarks>Name, scopes, when each was created and revoked; never a secret.</remarks>
    /// <response code="200">Every client, active and revoked, newest first.</response>
    public static async Task<Ok<IReadOnlyList<IntegrationClientDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListIntegrationClientsQuery(), cancellationToken));

    /// <summary>Get an integration client.</summary>
    /// <remarks>Its name, scopes and state; the secret was shown once, at registration, and is not kept.</remarks>
    /// <response code="200">The client (never its secret).</response>
    /// <response code="404">No such client.</response>
    public static async Task<Ok<IntegrationClientDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetIntegrationClientQuery(id), cancellationToken));

    /// <summary>Revoke an integration client.</summary>
    /// <remarks>Final: it gets no new token, and every token it holds stops working at once. Revoking again changes nothing.</remarks>
    /// <response code="200">The revoked client.</response>
    /// <response code="404">No such client.</response>
    public static async Task<Ok<IntegrationClientDto>> Revoke(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RevokeIntegrationClientCommand(id), cancellationToken));

    /// <summary>Change an integration client's scopes.</summary>
    /// <remarks>
    /// Replaces what the client may do. Its tokens carrying a scope it no longer holds stop working at once; it then asks
    /// for a new token.
    /// </remarks>
    /// <response code="200">The client with its new scopes.</response>
    /// <response code="400">No scope, or an unknown one.</response>
    /// <response code="404">No such client.</response>
    public static async Task<Ok<IntegrationClientDto>> ChangeScopes(
        Guid id, ChangeIntegrationClientScopesCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));
}
