using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Integration;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.IntegrationClients;

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
