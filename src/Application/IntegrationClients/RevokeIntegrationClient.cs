using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.IntegrationClients;

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
