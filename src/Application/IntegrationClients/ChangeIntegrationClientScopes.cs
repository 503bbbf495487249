using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.IntegrationClients;

/// <summary>
/// An administrator widens or narrows what a client may do. A token carrying a scope no longer granted stops working
/// at once: every request checks the client's current grants.
/// </summary>
/// <param name="Scopes">Its scopes from now on, from appointments:read, appointments:write, patients:read, webhooks:manage.</param>
public sealed record ChangeIntegrationClientScopesCommand(IReadOnlyList<string> Scopes) : IRequest<IntegrationClientDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class ChangeIntegrationClientScopesValidator : AbstractValidator<ChangeIntegrationClientScopesCommand>
{
    public ChangeIntegrationClientScopesValidator()
    {
        RuleFor(c => c.Scopes).NotEmpty().Must(s => s.Count <= IntegrationScopes.All.Count * 2)
            .WithMessage($"At most {IntegrationScopes.All.Count * 2} scopes.");
        RuleForEach(c => c.Scopes).Must(s => s is not null && IntegrationScopes.IsKnown(s))
            .WithMessage($"Unknown scope. The scopes are: {string.Join(", ", IntegrationScopes.All)}.");
    }
}

public sealed class ChangeIntegrationClientScopesHandler(IApplicationDbContext db) : IRequestHandler<ChangeIntegrationClientScopesCommand, IntegrationClientDto>
{
    public async Task<IntegrationClientDto> Handle(ChangeIntegrationClientScopesCommand request, CancellationToken cancellationToken)
    {
        var id = new IntegrationClientId(request.Id);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Integration client", request.Id);
        client.ChangeScopes(request.Scopes);
        await db.SaveChangesAsync(cancellationToken);
        return IntegrationClientDto.From(client);
    }
}
