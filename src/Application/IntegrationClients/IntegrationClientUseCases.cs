using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Integration;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.IntegrationClients;

/// <summary>An integration client as administrators see it: never its secret.</summary>
/// <param name="Id">The client id, for the token request.</param>
/// <param name="Name">What it is.</param>
/// <param name="Scopes">What it may ask for.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="RevokedAt">When it was revoked (UTC), or null while it is active.</param>
public sealed record IntegrationClientDto(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static IntegrationClientDto From(IntegrationClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.Id.Value, client.Name, client.Scopes, new DateTimeOffset(client.CreatedAtUtc, TimeSpan.Zero),
            client.RevokedAtUtc is { } revoked ? new DateTimeOffset(revoked, TimeSpan.Zero) : null);
    }
}

/// <summary>A newly registered client with its secret, which is shown this once and never again.</summary>
/// <param name="Id">The client id.</param>
/// <param name="Name">What it is.</param>
/// <param name="Scopes">What it may ask for.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="ClientSecret">The secret for POST /api/auth/client-token. Keep it safe: only its hash is stored.</param>
public sealed record RegisteredIntegrationClientDto(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string ClientSecret);

/// <summary>An administrator registers another system that calls the API on its own behalf.</summary>
/// <param name="Name">What it is, e.g. "Website booking widget".</param>
/// <param name="Scopes">From appointments:read, appointments:write, patients:read, webhooks:manage.</param>
public sealed record RegisterIntegrationClientCommand(string Name, IReadOnlyList<string> Scopes) : IRequest<RegisteredIntegrationClientDto>;

public sealed class RegisterIntegrationClientValidator : AbstractValidator<RegisterIntegrationClientCommand>
{
    public RegisterIntegrationClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(IntegrationClient.NameMaxLength);
        RuleFor(c => c.Scopes).NotEmpty().Must(s => s.Count <= IntegrationScopes.All.Count * 2)
            .WithMessage($"At most {IntegrationScopes.All.Count * 2} scopes.");
        RuleForEach(c => c.Scopes).Must(s => s is not null && IntegrationScopes.IsKnown(s))
            .WithMessage($"Unknown scope. The scopes are: {string.Join(", ", IntegrationScopes.All)}.");
    }
}

public sealed class RegisterIntegrationClientHandler(IApplicationDbContext db) : IRequestHandler<RegisterIntegrationClientCommand, RegisteredIntegrationClientDto>
{
    public async Task<RegisteredIntegrationClientDto> Handle(RegisterIntegrationClientCommand request, CancellationToken cancellationToken)
    {
        var secret = OpaqueSecrets.New();
        var client = IntegrationClient.Register(request.Name, request.Scopes, OpaqueSecrets.Hash(secret));
        db.IntegrationClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        var dto = IntegrationClientDto.From(client);
        return new RegisteredIntegrationClientDto(dto.Id, dto.Name, dto.Scopes, dto.CreatedAt, secret);
    }
}

/// <summary>Every integration client, active and revoked, newest first.</summary>
public sealed record ListIntegrationClientsQuery : IRequest<IReadOnlyList<IntegrationClientDto>>;

public sealed class ListIntegrationClientsHandler(IApplicationDbContext db) : IRequestHandler<ListIntegrationClientsQuery, IReadOnlyList<IntegrationClientDto>>
{
    public async Task<IReadOnlyList<IntegrationClientDto>> Handle(ListIntegrationClientsQuery request, CancellationToken cancellationToken)
    {
        var clients = await db.IntegrationClients.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc).ToListAsync(cancellationToken);
        return [.. clients.Select(IntegrationClientDto.From)];
    }
}

public sealed record GetIntegrationClientQuery(Guid Id) : IRequest<IntegrationClientDto>;

public sealed class GetIntegrationClientHandler(IApplicationDbContext db) : IRequestHandler<GetIntegrationClientQuery, IntegrationClientDto>
{
    public async Task<IntegrationClientDto> Handle(GetIntegrationClientQuery request, CancellationToken cancellationToken)
    {
        var id = new IntegrationClientId(request.Id);
        var client = await db.IntegrationClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Integration client", request.Id);
        return IntegrationClientDto.From(client);
    }
}

/// <summary>Revokes a client: it gets no new token, and the tokens it holds stop working at once.</summary>
public sealed record RevokeIntegrationClientCommand(Guid Id) : IRequest<IntegrationClientDto>;

public sealed class RevokeIntegrationClientHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RevokeIntegrationClientCommand, IntegrationClientDto>
{
    public async Task<IntegrationClientDto> Handle(RevokeIntegrationClientCommand request, CancellationToken cancellationToken)
    {
        var id = new IntegrationClientId(request.Id);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Integration client", request.Id);
        client.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return IntegrationClientDto.From(client);
    }
}
